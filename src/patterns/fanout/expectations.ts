import type { Scenario } from '../../core/scenario'
import { listSchedule, sum } from '../closedForms'
import type { Expectation } from '../module'
import { workOf, type Params } from './program'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const p = s.params as unknown as Params
  const d = workOf(p, s.shared).map((j) => j.cpu + j.io)
  const out: Expectation[] = []
  const goroutines = p.mode === 'sequential' ? 1 : p.workers === 0 ? 1 + d.length : 3 + p.workers
  out.push({ what: p.mode === 'sequential' ? 'main alone' : p.workers === 0 ? 'main and one goroutine per call' : 'main, feeder, closer and W workers', metric: 'goroutines', value: goroutines })
  if (p.mode === 'sequential') out.push({ what: 'Σ of the calls + combine', metric: 'makespan', value: sum(d) + p.combine })
  else if (s.shared.kind === 'io') {
    const fan = p.workers === 0 ? Math.max(...d) : listSchedule(d, p.workers)
    out.push({ what: p.workers === 0 ? 'max of the calls + combine' : 'FIFO list scheduling over W + combine', metric: 'makespan', value: fan + p.combine })
  }
  out.push({ what: 'every call once, plus combine', metric: 'jobs', value: d.length + (p.combine > 0 ? 1 : 0) })
  return out
}
