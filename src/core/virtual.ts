import type { CpuHooks, Executor } from './goroutine'
import { StopSignal } from './goroutine'
import { MinHeap } from './heap'
import { Queue } from './queue'

interface CpuRequest {
  ms: number
  hooks: CpuHooks
  resolve(): void
}

/**
 * Virtual time: io and cpu take exactly their duration, T threads serve cpu FIFO, nothing else costs time.
 * For exact tests in Node and for checking patterns against the theory.
 */
export class VirtualExecutor implements Executor {
  private t = 0
  private timers = new MinHeap<() => void>()
  private runq = new Queue<CpuRequest>()
  private free: number[]
  private rejects = new Set<(e: Error) => void>()

  constructor(threads: number) {
    this.free = Array.from({ length: threads }, (_, k) => k)
  }

  now(): number {
    return this.t
  }

  io(ms: number): Promise<void> {
    return this.pending((resolve) => this.timers.push(this.t + ms, resolve))
  }

  cpu(ms: number, hooks: CpuHooks): Promise<void> {
    return this.pending((resolve) => {
      this.runq.push({ ms, hooks, resolve })
      this.dispatch()
    })
  }

  stop(): void {
    this.timers.clear()
    for (const r of this.rejects) r(new StopSignal())
    this.rejects.clear()
  }

  /** Advances virtual time until nothing is pending (or `until` is reached); returns the final time. */
  async runUntilIdle(until = Infinity): Promise<number> {
    for (;;) {
      await new Promise((r) => setTimeout(r, 0)) // let every goroutine run its current step
      if (this.timers.size === 0 || this.timers.peekKey() > until) return this.t
      this.t = this.timers.peekKey()
      while (this.timers.size > 0 && this.timers.peekKey() === this.t) (this.timers.pop() as () => void)()
    }
  }

  private pending(start: (resolve: () => void) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.rejects.add(reject)
      start(() => {
        this.rejects.delete(reject)
        resolve()
      })
    })
  }

  private dispatch(): void {
    while (this.free.length > 0 && this.runq.length > 0) {
      const req = this.runq.shift() as CpuRequest
      const k = this.free.shift() as number
      req.hooks.handoff(k)
      req.hooks.start(k, this.t)
      this.timers.push(this.t + req.ms, () => {
        this.free.push(k)
        req.resolve()
        this.dispatch()
      })
    }
  }
}
