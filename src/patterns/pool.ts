import { Chan } from '../core/chan'
import { Op, Role } from '../core/events'
import type { Job } from '../core/jobs'
import { WaitGroup } from '../core/sync'
import type { PatternProgram } from './program'

/**
 * Worker pool: a producer sends every job into `jobs := make(chan Job, buffer)` (blocking when it is
 * full) and closes it; P long-lived workers `range` over it; main waits on a WaitGroup.
 */
export const pool: PatternProgram = async (main, { jobs, scenario }) => {
  const rt = main.rt
  const ch = new Chan<Job>(scenario.buffer, 'jobs')
  ch.onLen = (len) => rt.emit(Op.ChanLen, len, ch.cap)
  rt.emit(Op.ChanLen, 0, ch.cap)

  main.go(Role.Producer, 0, async (producer) => {
    for (const job of jobs) await producer.send(ch, job)
    ch.close()
  })

  const wg = new WaitGroup()
  for (let w = 0; w < scenario.pool; w++) {
    wg.add(1)
    main.go(Role.Worker, w, async (g) => {
      for await (const job of g.range(ch)) await g.run(job)
      wg.done()
    })
  }
  await main.wait(wg)
}
