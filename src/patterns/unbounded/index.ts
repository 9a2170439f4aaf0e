import { jobDurations } from '../../core/jobs'
import { workloadSummary } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
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
  presets: [],
  views: [],
  expectations: (s) => {
    const n = s.shared.n
    const out: Expectation[] = [
      { what: 'main + one goroutine per item', metric: 'goroutines', value: n + 1 },
      { what: 'all alive at once', metric: 'peak goroutines', value: n + 1 },
    ]
    // io jobs all overlap: the longest one decides
    if (s.shared.kind === 'io') out.push({ what: 'max d', metric: 'makespan', value: Math.max(...jobDurations(s.shared)) })
    return out
  },
  summary: (s) => `${workloadSummary(s.shared)} · a goroutine per item`,
})
