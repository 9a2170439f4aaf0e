import { TimerEntry, type Alarm } from '../core/alarm'
import { MinHeap } from '../core/heap'
import { perf } from './clock'

/**
 * Precise timers for io waits (deadlines in ms since `origin`, a performance.now() time). Measured in Chromium workers:
 * a setTimeout fires up to ~1 ms early or ~0.5 ms late, and one set from inside a timer callback
 * nests and gets clamped to ≥ 4 ms after a few levels. So setTimeout is only ever called from a
 * message task (nesting level 1, no clamp) and only for the part of a wait beyond EARLY_MS; the
 * last stretch (under SPIN_MS) is covered by message-loop yields of ~5 µs each. A wait then ends
 * within tens of µs of its deadline while the scheduler sleeps for all but ~2 ms of it.
 */
const EARLY_MS = 1.5
const SPIN_MS = 2

export class Timers {
  private heap = new MinHeap<Alarm>()
  private timeout: ReturnType<typeof setTimeout> | null = null
  private posted = false
  private channel = new MessageChannel()
  /** timers set and neither fired nor cancelled */
  private live = 0

  /** `origin`: the performance.now() time from which deadlines and ring times count */
  constructor(private readonly origin = 0) {
    this.channel.port1.onmessage = () => {
      this.posted = false
      this.tick()
    }
  }

  get pending(): number {
    return this.live
  }

  /** ms since the origin */
  now(): number {
    return perf.now() - this.origin
  }

  /** Calls `fn` at `deadline` (ms since the origin); returns a cancel function. */
  at(deadline: number, fn: () => void): () => void {
    const entry = new TimerEntry(fn)
    this.ring(deadline, entry)
    return () => {
      if (!entry.live) return
      entry.live = false
      this.live--
    }
  }

  /**
   * Rings `alarm` at `deadline` (ms since the origin), with the time of the tick that found it due:
   * every alarm due at one tick rings with that tick's time. Not cancellable (clear() drops it).
   */
  ring(deadline: number, alarm: Alarm): void {
    this.heap.push(deadline, alarm)
    this.live++
    if (this.heap.peekKey() === deadline) this.wake()
  }

  clear(): void {
    this.heap.clear()
    this.live = 0
    this.cancelTimeout()
  }

  /** Clears and releases the message channel (the run is over). */
  dispose(): void {
    this.clear()
    this.channel.port1.close()
    this.channel.port2.close()
  }

  /** Re-plans from a message task, whatever task we are in now. */
  private wake(): void {
    if (!this.posted) {
      this.posted = true
      this.channel.port2.postMessage(0)
    }
  }

  private cancelTimeout(): void {
    if (this.timeout !== null) clearTimeout(this.timeout)
    this.timeout = null
  }

  /** Runs in a message task: fires what is due, then sleeps or yields until the next deadline. */
  private tick(): void {
    const now = this.now()
    while (this.heap.size > 0 && this.heap.peekKey() <= now) {
      const e = this.heap.pop() as Alarm
      if (e instanceof TimerEntry) {
        if (!e.live) continue
        e.live = false
      }
      this.live--
      e.ring(now)
    }
    this.cancelTimeout()
    if (this.heap.size === 0) return
    const wait = this.heap.peekKey() - this.now()
    if (wait <= SPIN_MS) this.wake()
    else this.timeout = setTimeout(() => this.wake(), wait - EARLY_MS)
  }
}
