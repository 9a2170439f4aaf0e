import type { Scenario } from '../../core/scenario'
import { sum } from '../closedForms'
import type { Expectation } from '../module'
import { earliestFinish, nodesOf, phasesOf } from './graph'
import type { Params } from './program'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const p = s.params as unknown as Params
  const nodes = nodesOf(p.tasks)
  const out: Expectation[] = [{ what: p.mode === 'sequential' ? 'main alone' : 'main and one goroutine per call', metric: 'goroutines', value: p.mode === 'sequential' ? 1 : 1 + nodes.length }]
  if (p.mode === 'sequential') out.push({ what: 'Σ of the calls', metric: 'makespan', value: sum(nodes.map((n) => n.ms)) })
  else if (s.shared.kind === 'io' && p.mode === 'phases') out.push({ what: 'Σ over phases of the slowest call', metric: 'makespan', value: sum(phasesOf(nodes).map((ph) => Math.max(...ph.map((n) => n.ms)))) })
  else if (s.shared.kind === 'io') out.push({ what: 'the longest path through the graph', metric: 'makespan', value: Math.max(...earliestFinish(nodes).values()) })
  return out
}
