import type { Chan } from '../../core/chan'
import type { Job } from '../../core/jobs'
import type { ListItem } from '../../core/params'
import type { PatternProgram } from '../module'
import { drops, outputName, stagesOf, type Stage } from './stages'

export interface Params {
  stages: readonly ListItem[]
  mode: 'pipeline' | 'sequential'
  take: number
}

function jobOf(stages: readonly Stage[], k: number, item: number, n: number, seed: number): Job {
  const st = stages[k]
  const job: Job = { id: k * n + item, cpu: st.kind === 'cpu' ? st.ms : 0, io: st.kind === 'io' ? st.ms : 0, item, group: st.name }
  if (drops(seed, k, item, st.drop)) job.drop = `invalid record, dropped by ${st.name}`
  return job
}

/**
 * A staged pipeline: main fills `items` (buffered N) and closes it; each stage's W workers range over
 * their input, do the stage's work and send on to the next channel; a closer goroutine per stage
 * waits for its workers and closes its output, so the end of the stream travels stage by stage;
 * main counts the results.
 */
export const PIPELINE_PROGRAM: PatternProgram<Params> = {
  id: 'pipeline',
  program: async (main, { params, shared }) => {
    const stages = stagesOf(params.stages)
    const n = shared.n
    const seed = shared.seed
    if (params.mode === 'sequential') {
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < stages.length; k++) {
          const job = jobOf(stages, k, i, n, seed)
          await main.run(job)
          if (job.drop) break
        }
      }
      return
    }
    const items = main.chan<number>('items', n)
    for (let i = 0; i < n; i++) await main.send(items, i)
    main.close(items)
    const all = main.waitGroup('workers')
    let input: Chan<number> = items
    stages.forEach((st, k) => {
      const from = input
      const out = main.chan<number>(outputName(stages, k), st.buffer)
      const wg = main.waitGroup(`${st.name} wg`)
      for (let w = 0; w < st.workers; w++) {
        wg.add(1)
        all.add(1)
        main.go(`${st.name} ${w + 1}`, async (g) => {
          for await (const item of g.range(from)) {
            const job = jobOf(stages, k, item, n, seed)
            await g.run(job)
            if (!job.drop) await g.send(out, item)
          }
          wg.done()
          all.done()
        }, st.name)
      }
      main.go(`${st.name} closer`, async (c) => {
        await c.wait(wg)
        c.close(out)
      }, st.name)
      input = out
    })
    const received = main.counter('results received')
    for await (const _ of main.range(input)) {
      received.add(1)
      if (params.take > 0 && received.value >= params.take) break
    }
    if (params.take > 0) await main.wait(all) // the stages must finish before main may return
  },
}
