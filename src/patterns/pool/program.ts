import type { Job } from '../../core/jobs'
import type { PatternProgram } from '../module'

export interface Params {
  pool: number
  buffer: number
}

/**
 * Worker pool: a producer sends every job into `jobs := make(chan Job, buffer)` (blocking when it
 * is full) and closes it; P long-lived workers `range` over it; main waits on a WaitGroup.
 */
export const POOL_PROGRAM: PatternProgram<Params> = {
  id: 'pool',
  // channels: buffered sends, parked receivers, range and close
  warmUp: { n: 1000, params: { pool: 16, buffer: 10 } },
  program: async (main, { jobs, params }) => {
    const ch = main.chan<Job>('jobs', params.buffer)
    main.go('producer', async (p) => {
      for (const job of jobs()) await p.send(ch, job)
      p.close(ch)
    })
    const wg = main.waitGroup('wg')
    for (let w = 0; w < params.pool; w++) {
      wg.add(1)
      main.go(`worker ${w + 1}`, async (g) => {
        for await (const job of g.range(ch)) await g.run(job)
        wg.done()
      }, 'workers')
    }
    await main.wait(wg)
  },
}
