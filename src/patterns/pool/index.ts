import { jobDurations } from '../../core/jobs'
import type { NumberSpec } from '../../core/params'
import { workloadSummary } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
import { listSchedule } from '../closedForms'
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
  claims: () => import('./claims').then((m) => m.POOL_CLAIMS),
  presets: POOL_PRESETS,
  views: [{ type: 'strip', resource: 'jobs', caption: 'jobs channel' }],
  expectations: (s) => {
    const P = s.params.pool as number
    const out: Expectation[] = [
      { what: 'main, the producer and P workers', metric: 'goroutines', value: 2 + P },
      // the producer may finish before the workers start (everything fits in the buffer)
      { what: 'at most all at once', metric: 'peak goroutines', value: 2 + P, relation: '<=' },
      { what: 'at least main and the busy workers at once', metric: 'peak goroutines', value: 1 + Math.min(P, s.shared.n), relation: '>=' },
    ]
    if (s.shared.kind === 'io') out.push({ what: 'FIFO list scheduling over P workers', metric: 'makespan', value: listSchedule(jobDurations(s.shared), P) })
    return out
  },
  summary: (s) => `${workloadSummary(s.shared)} · worker pool P = ${s.params.pool} · buffer ${s.params.buffer}`,
})
