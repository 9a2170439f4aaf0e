import type { PatternProgram } from '../module'

/** `for _, j := range jobs { process(j) }`: one goroutine, one item after another. */
export const SEQUENTIAL_PROGRAM: PatternProgram<Record<string, never>> = {
  id: 'sequential',
  program: async (main, { jobs }) => {
    for (const job of jobs()) await main.run(job)
  },
}
