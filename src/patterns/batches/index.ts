import { jobDurations } from '../../core/jobs'
import type { NumberSpec } from '../../core/params'
import { workloadSummary } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
import { WORKLOAD_KEYS } from '../workload'
import { GO } from './go'
import { BATCH_PRESETS } from './presets'

interface Params {
  batch: number
}

const BATCH: NumberSpec = { type: 'number', key: 'batch', label: 'Batch size B', unit: 'per batch', min: 1, max: 1_000, default: 10, integer: true, log: true }

/** Σ over batches of the batch's longest job: each batch waits for its slowest (io jobs). */
export function batchMakespan(durations: readonly number[], B: number): number {
  let total = 0
  for (let i = 0; i < durations.length; i += B) total += Math.max(...durations.slice(i, i + B))
  return total
}

/**
 * Batch-and-wait: B goroutines per batch, then wg.Wait() (a barrier) before the next batch starts.
 * The talk's slides call this a worker pool; it is not one (see the worker pool).
 */
export const batches = definePattern<Params>({
  id: 'batches',
  title: 'Batches',
  short: 'Batches',
  lesson: 'B goroutines, then wg.Wait() before the next batch: one slow job holds its whole batch.',
  params: [BATCH],
  v1Keys: ['batch'],
  uses: () => WORKLOAD_KEYS,
  program: async (main, { jobs, params }) => {
    const all = jobs()
    const B = params.batch
    const wg = main.waitGroup('wg')
    for (let b = 0; b * B < all.length; b++) {
      for (const job of all.slice(b * B, (b + 1) * B)) {
        wg.add(1)
        main.go(`go #${job.id + 1}`, async (g) => {
          await g.run(job)
          wg.done()
        }, `batch ${b + 1}`)
      }
      await main.wait(wg)
      main.mark('barrier', wg.resource, b)
    }
  },
  go: GO,
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
