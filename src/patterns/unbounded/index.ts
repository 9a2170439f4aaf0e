import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { WORKLOAD_KEYS } from '../workload'

/** A goroutine per item, joined by a WaitGroup (its program: ./program.ts). */
export const unbounded = definePattern<Record<string, never>>({
  id: 'unbounded',
  title: 'Unbounded',
  short: 'Unbounded',
  lesson: 'a goroutine per item, all at once: fast for io, but nothing limits how many run (or how much cpu they want).',
  params: [],
  uses: () => WORKLOAD_KEYS,
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  presets: [],
  views: [],
  summary: (s) => `${workloadSummary(s.shared)} · a goroutine per item`,
})
