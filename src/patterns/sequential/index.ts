import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { WORKLOAD_KEYS } from '../workload'

/** One goroutine, one item after another (its program: ./program.ts). */
export const sequential = definePattern<Record<string, never>>({
  id: 'sequential',
  title: 'Sequential',
  short: 'Sequential',
  lesson: 'one goroutine, one job after another: the makespan is Σd.',
  params: [],
  uses: () => WORKLOAD_KEYS,
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  presets: [],
  views: [],
  summary: (s) => `${workloadSummary(s.shared)} · sequential`,
})
