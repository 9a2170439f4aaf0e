import { EVENT_WIDTH, putEvent, type TraceSink } from './events'

/** Numbers per chunk: 4,096 events. */
export const CHUNK = EVENT_WIDTH * 4096
/** Chunks given back by take(), for the next recording (a run's 50,000 events need 13). */
const spare: Float64Array[] = []
const MAX_SPARE = 16

/**
 * A trace sink that keeps events and new strings until they are taken (for a batch, or a whole run).
 * Events go into fixed-size chunks, so a long batch never copies what it holds to grow (a doubling
 * array copied and zero-filled ~2× its size); take() copies them once into the batch it returns
 * and keeps the chunks for the next batch.
 */
export class Recorder implements TraceSink {
  /** filled chunks, then `cur` up to `pos` */
  private full: Float64Array[] = []
  private cur: Float64Array | null = null
  private pos = CHUNK
  private strings: [number, string][] = []

  /** numbers recorded since the last take (EVENT_WIDTH per event) */
  get size(): number {
    return this.full.length * CHUNK + (this.cur === null ? 0 : this.pos)
  }

  event(op: number, t: number, a: number, b: number, c: number, d: number): void {
    let e = this.cur
    let i = this.pos
    if (i === CHUNK || e === null) {
      if (e !== null) this.full.push(e)
      e = this.cur = spare.pop() ?? new Float64Array(CHUNK)
      i = 0
    }
    putEvent(e, i, op, t, a, b, c, d)
    this.pos = i + EVENT_WIDTH
  }

  string(id: number, text: string): void {
    this.strings.push([id, text])
  }

  /** What was recorded since the last take (a copy the caller owns, ready to transfer). */
  take(): { events: Float64Array; strings: [number, string][] } {
    const events = new Float64Array(this.size)
    let w = 0
    for (const c of this.full) {
      events.set(c, w)
      w += CHUNK
      if (spare.length < MAX_SPARE) spare.push(c)
    }
    if (this.cur !== null) {
      events.set(this.cur.subarray(0, this.pos), w)
      if (spare.length < MAX_SPARE) spare.push(this.cur)
    }
    this.full = []
    this.cur = null
    this.pos = CHUNK
    const strings = this.strings
    this.strings = []
    return { events, strings }
  }
}
