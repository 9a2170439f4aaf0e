import { jobDurations } from '../../core/jobs'
import { workloadSummary } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
import { WORKLOAD_KEYS } from '../workload'
import { GO } from './go'

/** `for _, j := range jobs { wg.Add(1); go func() { defer wg.Done(); process(j) }() }; wg.Wait()` */
export const unbounded = definePattern<Record<string, never>>({
  id: 'unbounded',
  title: 'Unbounded',
  short: 'Unbounded',
  lesson: 'a goroutine per item, all at once: fast for io, but nothing limits how many run (or how much cpu they want).',
  params: [],
  uses: () => WORKLOAD_KEYS,
  program: async (main, { jobs }) => {
    const wg = main.waitGroup('wg')
    for (const job of jobs()) {
      wg.add(1)
      main.go(`go #${job.id + 1}`, async (g) => {
        await g.run(job)
        wg.done()
      })
    }
    await main.wait(wg)
  },
  go: GO,
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
