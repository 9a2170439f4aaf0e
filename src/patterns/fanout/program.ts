import { jobDurations, type Job } from '../../core/jobs'
import type { ListItem } from '../../core/params'
import type { PatternProgram } from '../module'
import { taskJob, tasksOf } from '../tasks'

export interface Params {
  source: 'tasks' | 'items'
  tasks: readonly ListItem[]
  mode: 'parallel' | 'sequential'
  workers: number
  combine: number
}

/** The calls of the handler as jobs: the named calls, or N items of the shared workload. */
export function workOf(p: Params, shared: Parameters<typeof jobDurations>[0]): Job[] {
  if (p.source === 'items') return jobDurations(shared).map((d, i) => ({ ...taskJob({ name: `task ${i + 1}`, ms: d }, i, shared) }))
  return tasksOf(p.tasks).map((t, i) => taskJob(t, i, shared))
}

/**
 * Fan-out/fan-in: a handler forks one goroutine per call and joins them on a WaitGroup (or hands
 * the calls to W workers over a channel and collects their results), then combines and responds.
 */
export const FANOUT_PROGRAM: PatternProgram<Params> = {
  id: 'fanout',
  program: async (main, { params, shared }) => {
    const work = workOf(params, shared)
    if (params.mode === 'sequential') {
      for (const job of work) await main.run(job)
    } else if (params.workers === 0) {
      const wg = main.waitGroup('wg')
      wg.add(work.length)
      for (const job of work) {
        main.go(job.label ?? `task ${job.id + 1}`, async (g) => {
          await g.run(job)
          wg.done()
        }, 'tasks')
      }
      await main.wait(wg)
      main.mark('barrier', wg.resource)
    } else {
      // bounded fan-out: a feeder, W workers over a channel, a closer, and main collecting results
      const calls = main.chan<Job>('calls', work.length)
      const results = main.chan<Job>('results', work.length)
      const received = main.counter('results received')
      main.go('feeder', async (f) => {
        for (const job of work) await f.send(calls, job)
        f.close(calls)
      })
      const wg = main.waitGroup('wg')
      for (let w = 0; w < params.workers; w++) {
        wg.add(1)
        main.go(`worker ${w + 1}`, async (g) => {
          for await (const job of g.range(calls)) {
            await g.run(job)
            await g.send(results, job)
          }
          wg.done()
        }, 'workers')
      }
      main.go('closer', async (c) => {
        await c.wait(wg)
        c.close(results)
      })
      for await (const _ of main.range(results)) received.add(1)
      main.mark('barrier', results.resource)
    }
    if (params.combine > 0) await main.run({ id: work.length, cpu: 0, io: params.combine, label: 'combine', group: 'combine' })
    main.mark('respond')
  },
}
