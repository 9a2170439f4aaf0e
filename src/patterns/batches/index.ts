import { jobDurations } from '../../core/jobs'
import type { NumberSpec } from '../../core/params'
import { workloadSummary } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
import { WORKLOAD_KEYS } from '../workload'
import type { Params } from './program'
import { BATCH_PRESETS } from './presets'

const BATCH: NumberSpec = { type: 'number', key: 'batch', label: 'Batch size B', unit: 'per batch', min: 1, max: 1_000, default: 10, integer: true, log: true }

/** Σ over batches of the batch's longest job: each batch waits for its slowest (io jobs). */
export function batchMakespan(durations: readonly number[], B: number): number {
  let total = 0
  for (let i = 0; i < durations.length; i += B) total += Math.max(...durations.slice(i, i + B))
  return total
}

/** Batch-and-wait: B goroutines per batch, then a barrier (its program: ./program.ts). */
export const batches = definePattern<Params>({
  id: 'batches',
  title: 'Batches',
  short: 'Batches',
  lesson: 'B goroutines, then wg.Wait() before the next batch: one slow job holds its whole batch.',
  params: [BATCH],
  v1Keys: ['batch'],
  uses: () => WORKLOAD_KEYS,
  go: () => import('./go').then((m) => m.GO),
  claims: () => import('./claims').then((m) => m.BATCH_CLAIMS),
  presets: BATCH_PRESETS,
  views: [{ type: 'strip', resource: 'wg', caption: 'WaitGroup counter: goroutines of the batch still running' }],
  expectations: (s) => {
    const n = s.shared.n
    const B = s.params.batch as number
    const out: Expectation[] = [
      { what: 'main + one goroutine per item', metric: 'goroutines', value: n + 1 },
      { what: 'main + one batch at a time', metric: 'peak goroutines', value: 1 + Math.min(B, n) },
    ]
    if (s.shared.kind === 'io') out.push({ what: 'Σ of each batch’s slowest job', metric: 'makespan', value: batchMakespan(jobDurations(s.shared), B) })
    return out
  },
  summary: (s) => `${workloadSummary(s.shared)} · batches of B = ${s.params.batch}`,
})
