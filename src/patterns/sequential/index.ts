import { jobDurations } from '../../core/jobs'
import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { sum } from '../closedForms'
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
  presets: [],
  views: [],
  // one goroutine runs everything in turn, whatever the job kind
  expectations: (s) => [
    { what: 'Σd', metric: 'makespan', value: sum(jobDurations(s.shared)) },
    { what: 'main is the only goroutine', metric: 'goroutines', value: 1 },
  ],
  summary: (s) => `${workloadSummary(s.shared)} · sequential`,
})
