import { Role } from '../core/events'
import { WaitGroup } from '../core/sync'
import type { PatternProgram } from './program'

/** One goroutine per item, all started at once, joined by a WaitGroup. */
export const unbounded: PatternProgram = async (main, { jobs }) => {
  const wg = new WaitGroup()
  for (const job of jobs) {
    wg.add(1)
    main.go(Role.Job, job.id, async (g) => {
      await g.run(job)
      wg.done()
    })
  }
  await main.wait(wg)
}
