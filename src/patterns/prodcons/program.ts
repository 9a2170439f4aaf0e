import { splitWork, type Job } from '../../core/jobs'
import type { PatternProgram } from '../module'
import { produceTimes } from './closedForm'

export interface Params {
  produce: number
  hiccup: number
  hiccupEvery: number
  consume: number
  consumers: number
  buffer: number
  continuous: boolean
  rate: number
  batch: number
  batchCost: number
}

/** A continuous run goes on until Stop (the module says so to the page too). */
export const continuous = (p: Params): boolean => p.continuous

/**
 * Producer–consumer with a buffered channel between them: the buffer absorbs bursts, and when it is
 * full the producer blocks (backpressure). Finite: a producer makes N items (with a periodic
 * hiccup) for M consumers. Continuous: a ticker at R events/s drives a generator that feeds a batch
 * writer until Stop; when the writer is slower, the buffer fills and the generator is throttled.
 */
export const PRODCONS_PROGRAM: PatternProgram<Params> = {
  id: 'prodcons',
  continuous,
  program: async (main, { params, shared }) => {
    const work = (ms: number) => splitWork(ms, shared)
    const events = main.chan<number>('events', params.buffer)
    if (!params.continuous) {
      const n = shared.n
      const times = produceTimes(n, params.produce, params.hiccup, params.hiccupEvery)
      main.go('producer', async (p) => {
        for (let i = 0; i < n; i++) {
          await p.run({ id: i, ...work(times[i]), item: i, group: 'produce' })
          await p.send(events, i)
        }
        p.close(events)
      })
      const wg = main.waitGroup('consumers')
      for (let c = 0; c < params.consumers; c++) {
        wg.add(1)
        main.go(params.consumers === 1 ? 'consumer' : `consumer ${c + 1}`, async (g) => {
          for await (const item of g.range(events)) await g.run({ id: n + item, ...work(params.consume), item, group: 'consume' })
          wg.done()
        }, 'consumers')
      }
      await main.wait(wg)
      return
    }
    // continuous: time.Ticker's channel holds one tick; a tick nobody has taken yet is dropped
    const tick = main.chan<number>('tick', 1)
    const period = 1000 / params.rate
    main.go('ticker', async (t) => {
      for (let k = 1; ; k++) {
        await t.sleepUntil(k * period)
        const sent = await t.select([{ send: tick, value: k }], true)
        if (sent.index < 0) t.mark('tick dropped')
      }
    })
    main.go('generator', async (g) => {
      let seq = 0
      for await (const _ of g.range(tick)) {
        g.mark('event', -1, seq)
        await g.send(events, seq++)
      }
    })
    for (let c = 0; c < params.consumers; c++) {
      main.go(params.consumers === 1 ? 'writer' : `writer ${c + 1}`, async (w) => {
        for (;;) {
          const first = await w.recv(events)
          const batch = [first.value as number]
          while (batch.length < params.batch) {
            const more = await w.select([{ recv: events }], true)
            if (more.index < 0) break
            batch.push(more.received?.value as number)
          }
          const job: Job = { id: batch[0], ...work(batch.length * params.consume + params.batchCost), item: batch[0], group: 'write', label: batch.length > 1 ? `${batch.length} events` : undefined }
          await w.run(job)
          for (const e of batch) w.mark('written', -1, e)
        }
      }, 'writers')
    }
    await main.recv(main.chan<never>('stop', 0)) // runs until Stop
  },
}
