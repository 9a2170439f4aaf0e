import { jobDurations } from '../../core/jobs'
import { workloadSummary } from '../../core/shared'
import { definePattern } from '../module'
import { sum } from '../closedForms'
import { WORKLOAD_KEYS } from '../workload'
import { SEQUENTIAL_PROGRAM } from './program'

/** One goroutine, one item after another (the program: ./program.ts). */
export const sequential = definePattern<Record<string, never>>({
  ...SEQUENTIAL_PROGRAM,
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
