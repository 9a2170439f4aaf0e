import type { Alarm } from '../core/alarm'
import type { CpuHooks, Executor } from '../core/goroutine'
import type { ThreadPool } from './threadPool'
import { Timers } from './timers'

/** Executes a run for real: io = precise timers in this worker, cpu = the thread workers. */
export class RealExecutor implements Executor {
  private timers = new Timers()
  /** performance.now() at the run's origin: now() reads one clock (it is read for trace events) */
  private readonly start = performance.now()
  /** absolute ms of the run's origin (as absNow() counts) */
  readonly origin = performance.timeOrigin + this.start

  /** iterations per ms of cpu work in this run */
  readonly itersPerMs: number

  constructor(private readonly pool: ThreadPool) {
    this.itersPerMs = pool.beginRun(this.origin)
  }

  now(): number {
    return performance.now() - this.start
  }

  after(ms: number, fn: () => void): () => void {
    return this.timers.at(performance.now() + ms, fn)
  }

  alarm(ms: number, alarm: Alarm): void {
    this.timers.ring(performance.now() + ms, alarm)
  }

  cpu(ms: number, hooks: CpuHooks, done: () => void): void {
    this.pool.cpu(ms, hooks, done)
  }

  /** Real time passes by itself: only say whether anything can still wake a goroutine. */
  idle(): boolean {
    return this.timers.pending > 0 || this.pool.pending > 0
  }

  stop(): void {
    this.timers.dispose()
    this.pool.stop()
  }
}
