import type { PatternProgram } from '../module'

export interface Params {
  batch: number
}

/**
 * Batch-and-wait: B goroutines per batch, then wg.Wait() (a barrier) before the next batch starts.
 * The talk's slides call this a worker pool; it is not one (see the worker pool).
 */
export const BATCHES_PROGRAM: PatternProgram<Params> = {
  id: 'batches',
  program: async (main, { jobs, params }) => {
    const all = jobs()
    const B = params.batch
    const wg = main.waitGroup('wg')
    for (let b = 0; b * B < all.length; b++) {
      for (const job of all.slice(b * B, (b + 1) * B)) {
        wg.add(1)
        main.go(`go #${job.id + 1}`, async (g) => {
          await g.run(job)
          wg.done()
        }, `batch ${b + 1}`)
      }
      await main.wait(wg)
      main.mark('barrier', wg.resource, b)
    }
  },
}
