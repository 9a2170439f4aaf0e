import type { NumberSpec } from '../../core/params'
import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { WORKLOAD_KEYS } from '../workload'
import type { Params } from './program'
import { BATCH_PRESETS } from './presets'

const BATCH: NumberSpec = { type: 'number', key: 'batch', label: 'Batch size B', unit: 'per batch', min: 1, max: 1_000, default: 10, integer: true, log: true }

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
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.BATCH_CLAIMS),
  presets: BATCH_PRESETS,
  views: [{ type: 'strip', resource: 'wg', caption: 'WaitGroup counter: goroutines of the batch still running' }],
  summary: (s) => `${workloadSummary(s.shared)} · batches of B = ${s.params.batch}`,
})
