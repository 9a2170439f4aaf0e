import { describe, expect, it } from 'vitest'
import { recordJson, toChromeTrace } from '../core/chromeTrace'
import { Op } from '../core/events'
import { checkInvariants } from '../core/invariants'
import { computeMetrics } from '../core/metrics'
import { readTraceFile, recordFrom } from '../core/traceFile'
import { decodeFloat64, encodeFloat64, fromRecord, toRecord } from '../core/traceIO'
import { REGISTRY } from './registry'
import type { Trace } from '../core/trace'
import { virtual } from './testkit'

/** Every column of two traces, as plain arrays, for comparison. */
function columns(tr: Trace): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(tr)) {
    if (v && typeof v === 'object' && 'data' in v && 'length' in v) {
      const c = v as { data: ArrayLike<number>; length: number }
      out[k] = Array.from(c.data).slice(0, c.length)
    }
  }
  out.resources = tr.resources.map((r) => ({ name: r.name, kind: r.kind, cap: r.cap, t: Array.from(r.t.data.subarray(0, r.samples)), v: Array.from(r.value.data.subarray(0, r.samples)) }))
  return out
}

describe('a trace as a record (pins, files): its event stream rebuilds the same trace', () => {
  for (const [pattern, shared, params] of [
    ['pool', { n: 30, kind: 'mixed' }, { pool: 3, buffer: 0 }],
    ['batches', { n: 12, variation: 'uniform' }, { batch: 5 }],
    ['pipeline', { n: 20 }, {}],
    ['dag', {}, { mode: 'dag' }],
    ['prodcons', { n: 15 }, { buffer: 2 }],
  ] as const) {
    it(`${pattern}: columns, status and invariants survive the round trip`, async () => {
      const tr = await virtual(pattern, shared, params)
      const back = fromRecord(toRecord(tr))
      expect(columns(back)).toEqual(columns(tr))
      expect(back.status).toBe(tr.status)
      expect(back.endT).toBe(tr.endT)
      expect(back.jobsDone).toBe(tr.jobsDone)
      expect(checkInvariants(back)).toEqual([])
    })
  }

  it('numbered goroutine names survive the round trip', async () => {
    const tr = await virtual('unbounded', { n: 12 })
    const back = fromRecord(toRecord(tr))
    expect(back.goroutineName(12)).toBe('go #12')
    expect(Array.from({ length: 13 }, (_, g) => back.goroutineName(g))).toEqual(Array.from({ length: 13 }, (_, g) => tr.goroutineName(g)))
  })

  it('a failed run keeps its message', async () => {
    const tr = await virtual('pipeline', { n: 40 }, { stages: [{ name: 'A', workers: 1, ms: 10, buffer: 0, kind: 'io', drop: 0 }, { name: 'B', workers: 1, ms: 10, buffer: 0, kind: 'io', drop: 0 }], take: 3 })
    expect(tr.status).toBe('failed')
    const back = fromRecord(toRecord(tr))
    expect(back.status).toBe('failed')
    expect(back.error).toBe(tr.error)
  })

  it('event data travels as base64 without losing a bit', () => {
    const a = Float64Array.from([0, -1, 1.5, NaN, 1e-300, 123456.789, Infinity])
    expect(Array.from(decodeFloat64(encodeFloat64(a)))).toEqual(Array.from(a))
  })
})

describe('Open trace: a downloaded file opens as the run it was; a hostile file cannot hurt', () => {
  it('Download trace → file → Open trace gives the same run and its ideal schedule', async () => {
    const tr = await virtual('pipeline', { n: 24 }, {})
    const text = JSON.stringify(toChromeTrace(tr, computeMetrics(tr, tr), 'label', tr))
    const opened = readTraceFile(text, REGISTRY)
    if ('error' in opened) throw new Error(opened.error)
    expect(opened.notices).toEqual([])
    expect(columns(fromRecord(opened.trace))).toEqual(columns(tr))
    expect(opened.theory && fromRecord(opened.theory).endT).toBe(tr.endT)
  })

  it('files that are not ours say why', () => {
    expect(readTraceFile('not json', REGISTRY)).toEqual({ error: expect.stringContaining('not JSON') })
    expect(readTraceFile(JSON.stringify({ traceEvents: [] }), REGISTRY)).toEqual({ error: expect.stringContaining('not written by this app') })
    expect(readTraceFile('[1,2,3]', REGISTRY)).toEqual({ error: expect.stringContaining('no trace') })
    const unknown = { format: 'go-concurrency-trace', version: 1, scenario: { pattern: 'valueOf' }, events: '' }
    expect(readTraceFile(JSON.stringify(unknown), REGISTRY)).toEqual({ error: expect.stringContaining('does not know ("valueOf")') })
  })

  it('events with ids out of range, times that are not finite or unknown ops are dropped, never allocated', async () => {
    const tr = await virtual('pool', { n: 5 }, { pool: 2 })
    const rec = toRecord(tr)
    const bad = Float64Array.from([
      Op.Spawn, 0, 1e9, 0, -1, -1, // goroutine id far too large
      Op.JobBegin, 0, 5e8, 0, 0, 10, // job id far too large
      Op.State, NaN, 0, 0, -1, -1, // no time
      99, 0, 0, 0, 0, 0, // unknown op
      Op.Resource, 0, 1, 0, 1e7, 0, // string id out of range
      Op.Spawn, 0, 3, -5, -1, -1, // a name field below −1
      Op.Spawn, 0, 3, 2 ** 20 * 5 + 1e5, -1, -1, // a numbered name whose stem is out of range
      Op.Spawn, 0, 3, 2 ** 20 * 2e9, -1, -1, // a numbered name with a number of more than 9 digits
      Op.Spawn, 0, 3, 2 ** 20 * 5 + 0.5, -1, -1, // not an integer
    ])
    const events = new Float64Array(bad.length + rec.events.length)
    events.set(bad)
    events.set(rec.events, bad.length)
    const notices: string[] = []
    const clean = recordFrom({ ...rec, events: encodeFloat64(events) }, REGISTRY, notices)
    expect(notices.join(' ')).toContain('9 events of the trace were not valid')
    const back = fromRecord(clean!)
    expect(back.goroutines).toBe(tr.goroutines)
    expect(back.jobIds).toBe(tr.jobIds)
  })

  it('events of goroutines never spawned, times before the origin and numbers that are not numbers are dropped, and counted', async () => {
    const tr = await virtual('pool', { n: 5 }, { pool: 2 })
    const rec = toRecord(tr)
    const g = tr.goroutines // one past the last goroutine the file spawns
    const bad = Float64Array.from([
      Op.State, 5, g + 10, 2, -1, -1, // a goroutine never spawned
      Op.Exit, 5, g + 10, 0, -1, -1, // its exit
      Op.State, -1000, 0, 2, -1, -1, // before the run's origin
      Op.Sample, 5, 0, NaN, 0, 0, // a sample without a value
      Op.Sample, 5, 0, 1, -3, 0, // a negative count of parked goroutines
      Op.JobBegin, 5, 7, 0, -10, 0, // negative cpu ms
      Op.Handoff, 5, 0, 0, g + 10, 1, // to a goroutine never spawned
    ])
    // after the file's own events, so that its goroutines are spawned by then
    const events = new Float64Array(rec.events.length + bad.length)
    events.set(rec.events)
    events.set(bad, rec.events.length)
    const notices: string[] = []
    const clean = recordFrom({ ...rec, events: encodeFloat64(events), meta: { ...rec.meta, startedAt: 1e300 } }, REGISTRY, notices)
    expect(notices.join(' ')).toContain('7 events of the trace were not valid')
    const back = fromRecord(clean!)
    expect(back.goroutines).toBe(tr.goroutines)
    expect(checkInvariants(back)).toEqual([])
    expect(Number.isNaN(new Date(back.meta.startedAt).getTime())).toBe(false)
  })

  it('a scenario inside a file is checked like a link: out-of-range values are clamped with a notice', async () => {
    const tr = await virtual('pool', { n: 5 }, { pool: 2 })
    const rec = { ...recordJson(tr), scenario: { pattern: 'pool', shared: { ...tr.scenario.shared, n: 1e9 }, params: { pool: -3, buffer: 'x', __proto__: 1 } } }
    const notices: string[] = []
    const clean = recordFrom(rec, REGISTRY, notices)
    expect(clean?.scenario.shared.n).toBe(10_000)
    expect(clean?.scenario.params).toEqual({ pool: 1, buffer: 10 })
    expect(notices.length).toBeGreaterThan(0)
  })

  it('broken base64 is a clear error, not an exception', () => {
    const notices: string[] = []
    expect(recordFrom({ format: 'go-concurrency-trace', version: 1, scenario: { pattern: 'pool' }, events: '%%%' }, REGISTRY, notices)).toBeNull()
    expect(notices.join(' ')).toContain('could not be decoded')
  })
})
