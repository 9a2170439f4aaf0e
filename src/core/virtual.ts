import { TimerEntry, type Alarm } from './alarm'
import type { CpuHooks, Executor } from './goroutine'
import { MinHeap } from './heap'
import { Queue } from './queue'

interface CpuRequest {
  ms: number
  hooks: CpuHooks
  done(): void
}

/**
 * Virtual time: io and cpu take exactly their duration, T threads serve cpu FIFO, nothing else
 * costs time. Time moves only when the runtime reports that no goroutine is runnable (`idle`), so
 * a whole run is computed without waiting for any real timer. Used for the theory (the ideal
 * schedule) and for exact tests in Node.
 */
export class VirtualExecutor implements Executor {
  private t = 0
  private timers = new MinHeap<Alarm>()
  private runq = new Queue<CpuRequest>()
  private free: number[]
  private stopped = false
  /** the clock never passes this (real ms); a run still going then is left for the caller to stop */
  horizon = Infinity
  /** set when idle() found the next timer beyond the horizon */
  reachedHorizon = false

  constructor(threads: number) {
    this.free = Array.from({ length: Math.max(1, threads) }, (_, k) => k)
  }

  now(): number {
    return this.t
  }

  after(ms: number, fn: () => void): () => void {
    const entry = new TimerEntry(fn)
    if (!this.stopped) this.timers.push(this.t + Math.max(0, ms), entry)
    return () => {
      entry.live = false
    }
  }

  alarm(at: number, alarm: Alarm): void {
    if (!this.stopped) this.timers.push(Math.max(this.t, at), alarm)
  }

  cpu(ms: number, hooks: CpuHooks, done: () => void): void {
    if (this.stopped) return
    this.runq.push({ ms, hooks, done })
    this.dispatch()
  }

  stop(): void {
    this.stopped = true
    this.timers.clear()
    this.runq = new Queue()
  }

  idle(): boolean {
    for (;;) {
      if (this.stopped || this.timers.size === 0) return false
      const next = this.timers.peekKey()
      if (next > this.horizon) {
        this.reachedHorizon = true
        return true // something is pending, but not before the horizon: the caller ends the run
      }
      this.t = next
      let fired = false
      while (this.timers.size > 0 && this.timers.peekKey() === next) {
        const e = this.timers.pop() as Alarm
        if (!(e instanceof TimerEntry) || e.live) {
          e.ring(this.t)
          fired = true
        }
      }
      if (fired) return true
    }
  }

  private dispatch(): void {
    while (this.free.length > 0 && this.runq.length > 0) {
      const req = this.runq.shift() as CpuRequest
      const k = this.free.shift() as number
      req.hooks.posted(k)
      req.hooks.started(k, this.t)
      this.timers.push(this.t + req.ms, new TimerEntry(() => {
        req.hooks.ended(k, this.t)
        this.free.push(k)
        this.dispatch()
        req.done()
      }))
    }
  }
}
