import { jobDurations } from '../../core/jobs'
import type { Scenario } from '../../core/scenario'
import { listSchedule } from '../closedForms'
import type { Expectation } from '../module'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const P = s.params.pool as number
  const out: Expectation[] = [
    { what: 'main, the producer and P workers', metric: 'goroutines', value: 2 + P },
    // the producer may finish before the workers start (everything fits in the buffer)
    { what: 'at most all at once', metric: 'peak goroutines', value: 2 + P, relation: '<=' },
    { what: 'at least main and the busy workers at once', metric: 'peak goroutines', value: 1 + Math.min(P, s.shared.n), relation: '>=' },
  ]
  if (s.shared.kind === 'io') out.push({ what: 'FIFO list scheduling over P workers', metric: 'makespan', value: listSchedule(jobDurations(s.shared), P) })
  return out
}
