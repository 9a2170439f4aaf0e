import type { Scenario } from '../../core/scenario'
import type { Expectation } from '../module'
import type { Params } from './program'
import { bottleneckBound, itemsPerStage, stagesOf, unboundedMakespan } from './stages'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const p = s.params as unknown as Params
  const stages = stagesOf(p.stages)
  const n = s.shared.n
  const { seen, dropped } = itemsPerStage(stages, n, s.shared.seed)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const out: Expectation[] = [
    { what: 'each item done once per stage it reaches, unless that stage drops it', metric: 'jobs', value: sum(seen) - sum(dropped) },
    { what: p.mode === 'sequential' ? 'main alone' : 'main, W workers and a closer per stage', metric: 'goroutines', value: p.mode === 'sequential' ? 1 : 1 + stages.reduce((a, st) => a + st.workers + 1, 0) },
  ]
  const plain = stages.every((st) => st.kind === 'io' && st.drop === 0) && p.take === 0
  if (p.mode === 'sequential') {
    if (stages.every((st) => st.drop === 0)) out.push({ what: 'N × Σ of stage costs', metric: 'makespan', value: n * stages.reduce((a, st) => a + st.ms, 0) })
  } else if (plain) {
    out.push({ what: 'no stage finishes faster than ⌈N/W⌉·c', metric: 'makespan', value: bottleneckBound(stages, n), relation: '>=' })
    if (stages.every((st) => st.buffer >= n)) out.push({ what: 'the item recurrence (channels never fill)', metric: 'makespan', value: unboundedMakespan(stages, n) })
    else out.push({ what: 'a full channel can only delay an item, never speed it up', metric: 'makespan', value: unboundedMakespan(stages, n), relation: '>=' })
  }
  return out
}
