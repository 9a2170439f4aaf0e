import { jobDurations } from '../../core/jobs'
import type { Scenario } from '../../core/scenario'
import type { Expectation } from '../module'

/** Σ over batches of the batch's longest job: each batch waits for its slowest (io jobs). */
export function batchMakespan(durations: readonly number[], B: number): number {
  let total = 0
  for (let i = 0; i < durations.length; i += B) total += Math.max(...durations.slice(i, i + B))
  return total
}

/**
 * Closed forms the theory is held to: they never run the program. Tests load them (the page
 * never shows them, so it does not carry them).
 */
export function expectations(s: Scenario): Expectation[] {
  const n = s.shared.n
  const B = s.params.batch as number
  const out: Expectation[] = [
    { what: 'main + one goroutine per item', metric: 'goroutines', value: n + 1 },
    { what: 'main + one batch at a time', metric: 'peak goroutines', value: 1 + Math.min(B, n) },
  ]
  if (s.shared.kind === 'io') out.push({ what: 'Σ of each batch’s slowest job', metric: 'makespan', value: batchMakespan(jobDurations(s.shared), B) })
  return out
}
