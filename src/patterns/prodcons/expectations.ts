import type { Scenario } from '../../core/scenario'
import type { Expectation } from '../module'
import { prodConsMakespan, produceTimes } from './closedForm'
import type { Params } from './program'

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const p = s.params as unknown as Params
  if (p.continuous) return []
  const n = s.shared.n
  const out: Expectation[] = [
    { what: 'main, the producer and the consumers', metric: 'goroutines', value: 2 + p.consumers },
    { what: 'every item produced and consumed once', metric: 'jobs', value: 2 * n },
  ]
  if (s.shared.kind === 'io') out.push({ what: 'the send/take recurrence', metric: 'makespan', value: prodConsMakespan(produceTimes(n, p.produce, p.hiccup, p.hiccupEvery), p.consume, p.buffer, p.consumers) })
  return out
}
