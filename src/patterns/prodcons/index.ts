import { formatCount, formatMs } from '../../core/format'
import { splitWork, type Job } from '../../core/jobs'
import type { NumberSpec, ParamValues, ToggleSpec } from '../../core/params'
import { kindSummary, type SharedKey } from '../../core/shared'
import { definePattern, type Expectation } from '../module'
import { MACHINE_KEYS } from '../workload'
import { GO } from './go'
import { prodConsMakespan, produceTimes } from './closedForm'
import { PRODCONS_PRESETS } from './presets'

interface Params {
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

const num = (key: string, label: string, unit: string, min: number, max: number, def: number, hint?: string, extra: Partial<NumberSpec> = {}): NumberSpec => ({
  type: 'number', key, label, unit, min, max, default: def, integer: true, log: max > 100, hint, ...extra,
})

const finiteOnly = { relevant: (v: ParamValues) => !v.continuous }
const continuousOnly = { relevant: (v: ParamValues) => v.continuous === true }

const CONTINUOUS: ToggleSpec = { type: 'toggle', key: 'continuous', label: 'Continuous (until Stop)', default: false, hint: 'an event generator at R events/s instead of N items' }

/**
 * Producer–consumer with a buffered channel between them: the buffer absorbs bursts, and when it is
 * full the producer blocks (backpressure). Finite: a producer makes N items (with a periodic
 * hiccup) for M consumers. Continuous: a ticker at R events/s drives a generator that feeds a batch
 * writer until Stop; when the writer is slower, the buffer fills and the generator is throttled.
 */
export const prodcons = definePattern<Params>({
  id: 'prodcons',
  title: 'Producer–consumer',
  short: 'Prod–cons',
  lesson: 'a buffer absorbs bursts; when it is full the producer blocks: backpressure sets the pace to the consumer’s.',
  params: [
    num('produce', 'Produce', 'ms', 1, 5_000, 10, 'time to make one item', finiteOnly),
    num('hiccup', 'Hiccup', 'ms', 0, 10_000, 100, 'a slow item: takes this long instead', finiteOnly),
    num('hiccupEvery', 'Hiccup every', 'items', 0, 1_000, 10, 'items 1, k+1, 2k+1, … are slow; 0 = never', { special: { value: 0, label: 'never' }, ...finiteOnly }),
    num('consume', 'Consume', 'ms', 1, 5_000, 20, 'time to handle one item (per event for the writer)'),
    num('consumers', 'Consumers', 'goroutines', 1, 64, 1),
    num('buffer', 'Buffer', 'slots', 0, 1_000, 0, 'channel capacity; 0 = unbuffered (every value a direct handoff)'),
    CONTINUOUS,
    num('rate', 'Event rate R', 'per s', 1, 1_000, 50, 'the generator’s ticker', continuousOnly),
    num('batch', 'Writer batch', 'events', 1, 100, 1, 'the writer takes up to this many waiting events at once', continuousOnly),
    num('batchCost', 'Cost per batch', 'ms', 0, 1_000, 0, 'fixed cost of one write, whatever its size', continuousOnly),
  ],
  uses: (p) => (p.continuous ? (['kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[]) : (['n', 'kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[])),
  continuous: (p) => p.continuous,
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
  go: GO,
  presets: PRODCONS_PRESETS,
  views: [
    { type: 'strip', resource: 'events', caption: 'events channel' },
    { type: 'rolling', resource: 'events', produced: 'event', consumed: 'written' },
  ],
  expectations: (s) => {
    const p = s.params as unknown as Params
    if (p.continuous) return []
    const n = s.shared.n
    const out: Expectation[] = [
      { what: 'main, the producer and the consumers', metric: 'goroutines', value: 2 + p.consumers },
      { what: 'every item produced and consumed once', metric: 'jobs', value: 2 * n },
    ]
    if (s.shared.kind === 'io') out.push({ what: 'the send/take recurrence', metric: 'makespan', value: prodConsMakespan(produceTimes(n, p.produce, p.hiccup, p.hiccupEvery), p.consume, p.buffer, p.consumers) })
    return out
  },
  summary: (s) => {
    const p = s.params as unknown as Params
    const cons = `${p.consumers > 1 ? `${p.consumers} ` : ''}${p.continuous ? 'writer' : 'consumer'}${p.consumers > 1 ? 's' : ''} ${formatMs(p.consume)}${p.continuous ? '/event' : ''}`
    const buf = p.buffer === 0 ? 'unbuffered' : `buffer ${p.buffer}`
    if (p.continuous) return `events at ${p.rate}/s → ${buf} → ${cons}${p.batch > 1 ? ` · batches of ${p.batch}` : ''}${p.batchCost > 0 ? ` + ${formatMs(p.batchCost)}` : ''}${kindSummary(s.shared)} · until Stop`
    const hic = p.hiccupEvery > 0 && p.hiccup !== p.produce ? `, every ${p.hiccupEvery}th ${formatMs(p.hiccup)}` : ''
    return `${formatCount(s.shared.n)} items · producer ${formatMs(p.produce)}${hic} → ${buf} → ${cons}${kindSummary(s.shared)}`
  },
})
