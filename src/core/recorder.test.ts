import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH } from './events'
import { CHUNK, Recorder } from './recorder'

/** Records events 0…n−1 of `from`: event k is [k, k + 0.5, −k, 2k, 3k, 4k] shifted by `from`. */
function record(rec: Recorder, from: number, n: number): void {
  for (let k = from; k < from + n; k++) rec.event(k, k + 0.5, -k, 2 * k, 3 * k, 4 * k)
}

function expected(from: number, n: number): number[] {
  const out: number[] = []
  for (let k = from; k < from + n; k++) out.push(k, k + 0.5, -k, 2 * k, 3 * k, 4 * k)
  return out
}

describe('Recorder', () => {
  it('gives back every event in order, across chunk boundaries, and nothing twice', () => {
    const perChunk = CHUNK / EVENT_WIDTH
    const rec = new Recorder()
    for (const n of [0, 1, perChunk - 1, perChunk, perChunk + 1, 3 * perChunk + 7]) {
      record(rec, 1000, n)
      expect(rec.size).toBe(n * EVENT_WIDTH)
      const { events } = rec.take()
      expect(Array.from(events)).toEqual(expected(1000, n))
      expect(rec.size).toBe(0)
    }
  })

  it('a batch after a take holds only the new events, in chunks reused from earlier batches', () => {
    const perChunk = CHUNK / EVENT_WIDTH
    const a = new Recorder()
    record(a, 0, 2 * perChunk + 5)
    a.take()
    // a second recorder at the same time draws on the same spare chunks: neither sees the other's events
    const b = new Recorder()
    record(a, 50_000, 10)
    record(b, 90_000, perChunk + 3)
    expect(Array.from(a.take().events)).toEqual(expected(50_000, 10))
    expect(Array.from(b.take().events)).toEqual(expected(90_000, perChunk + 3))
  })

  it('keeps new strings until they are taken, with the events of the same batch', () => {
    const rec = new Recorder()
    rec.string(0, 'main')
    rec.event(1, 0, 0, 0, -1, -1)
    const first = rec.take()
    expect(first.strings).toEqual([[0, 'main']])
    expect(first.events.length).toBe(EVENT_WIDTH)
    expect(rec.take()).toEqual({ events: new Float64Array(0), strings: [] })
  })
})
