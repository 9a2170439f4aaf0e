import { Op, Role } from '../core/events'
import { WaitGroup } from '../core/sync'
import type { PatternProgram } from './program'

/** Batch-and-wait: B goroutines per batch, then wg.Wait() (a barrier) before the next batch starts. */
export const batches: PatternProgram = async (main, { jobs, scenario }) => {
  const B = scenario.batch
  for (let b = 0; b * B < jobs.length; b++) {
    const wg = new WaitGroup()
    for (const job of jobs.slice(b * B, (b + 1) * B)) {
      wg.add(1)
      main.go(Role.Job, job.id, async (g) => {
        await g.run(job)
        wg.done()
      })
    }
    await main.wait(wg)
    main.rt.emit(Op.Barrier, b)
  }
}
