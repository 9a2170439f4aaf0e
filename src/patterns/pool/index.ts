import type { NumberSpec } from '../../core/params'
import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { WORKLOAD_KEYS } from '../workload'
import type { Params } from './program'
import { POOL_PRESETS } from './presets'

const POOL: NumberSpec = { type: 'number', key: 'pool', label: 'Pool size P', unit: 'workers', min: 1, max: 256, default: 10, integer: true, log: true }
const BUFFER: NumberSpec = { type: 'number', key: 'buffer', label: 'Buffer', unit: 'slots', min: 0, max: 1_000, default: 10, integer: true, log: true, hint: 'jobs channel capacity; 0 = unbuffered' }

/** Worker pool: P long-lived workers range over a jobs channel (its program: ./program.ts). */
export const pool = definePattern<Params>({
  id: 'pool',
  title: 'Worker pool',
  short: 'Worker pool',
  lesson: 'P workers range over a jobs channel: a free worker takes the next job at once, the producer blocks when the buffer is full.',
  params: [POOL, BUFFER],
  v1Keys: ['pool', 'buffer'],
  uses: () => WORKLOAD_KEYS,
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.POOL_CLAIMS),
  presets: POOL_PRESETS,
  views: [{ type: 'strip', resource: 'jobs', caption: 'jobs channel' }],
  summary: (s) => `${workloadSummary(s.shared)} · worker pool P = ${s.params.pool} · buffer ${s.params.buffer}`,
})
