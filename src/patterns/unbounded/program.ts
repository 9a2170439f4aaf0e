import type { PatternProgram } from '../module'

/** `for _, j := range jobs { wg.Add(1); go func() { defer wg.Done(); process(j) }() }; wg.Wait()` */
export const UNBOUNDED_PROGRAM: PatternProgram<Record<string, never>> = {
  id: 'unbounded',
  // spawning, timers, exits and the recorder, at the scale of the talk's 10,000 goroutines
  warmUp: { n: 10_000, params: {} },
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
}
