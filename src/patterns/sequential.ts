import type { PatternProgram } from './program'

/** for _, j := range jobs { process(j) } — one goroutine, one item after another. */
export const sequential: PatternProgram = async (main, { jobs }) => {
  for (const job of jobs) await main.run(job)
}
