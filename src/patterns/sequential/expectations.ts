import { jobDurations } from '../../core/jobs'
import type { Scenario } from '../../core/scenario'
import { sum } from '../closedForms'
import type { Expectation } from '../module'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  // one goroutine runs everything in turn, whatever the job kind
  return [
    { what: 'Σd', metric: 'makespan', value: sum(jobDurations(s.shared)) },
    { what: 'main is the only goroutine', metric: 'goroutines', value: 1 },
  ]
}
