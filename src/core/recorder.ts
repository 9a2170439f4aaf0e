import { Column } from './column'
import { EVENT_WIDTH, type TraceSink } from './events'

/** A trace sink that keeps events and new strings until they are taken (for a batch, or a whole run). */
export class Recorder implements TraceSink {
  private events = new Column(Float64Array, 64 * EVENT_WIDTH)
  private strings: [number, string][] = []

  get size(): number {
    return this.events.length
  }

  event(op: number, t: number, a: number, b: number, c: number, d: number): void {
    const e = this.events
    e.push(op)
    e.push(t)
    e.push(a)
    e.push(b)
    e.push(c)
    e.push(d)
  }

  string(id: number, text: string): void {
    this.strings.push([id, text])
  }

  /** What was recorded since the last take (a copy the caller owns, ready to transfer). */
  take(): { events: Float64Array; strings: [number, string][] } {
    const events = this.events.data.slice(0, this.events.length)
    const strings = this.strings
    this.events.length = 0
    this.strings = []
    return { events, strings }
  }
}
