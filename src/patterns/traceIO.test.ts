import { describe, expect, it } from 'vitest'
import { checkInvariants } from '../core/invariants'
import { decodeFloat64, encodeFloat64, fromRecord, toRecord } from '../core/traceIO'
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
