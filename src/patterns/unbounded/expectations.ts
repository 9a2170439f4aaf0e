import { jobDurations } from '../../core/jobs'
import type { Scenario } from '../../core/scenario'
import type { Expectation } from '../module'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const n = s.shared.n
  const out: Expectation[] = [
    { what: 'main + one goroutine per item', metric: 'goroutines', value: n + 1 },
    { what: 'all alive at once', metric: 'peak goroutines', value: n + 1 },
  ]
  // io jobs all overlap: the longest one decides
  if (s.shared.kind === 'io') out.push({ what: 'max d', metric: 'makespan', value: Math.max(...jobDurations(s.shared)) })
  return out
}
