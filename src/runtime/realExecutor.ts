import type { Alarm } from '../core/alarm'
import type { CpuHooks, Executor } from '../core/goroutine'
import { absNow } from './clock'
import type { ThreadPool } from './threadPool'
import { Timers } from './timers'

/** Executes a run for real: io = precise timers in this worker, cpu = the thread workers. */
export class RealExecutor implements Executor {
  private timers = new Timers()
  /** absolute ms of the run's origin */
  readonly origin = absNow()

  /** iterations per ms of cpu work in this run */
  readonly itersPerMs: number

  constructor(private readonly pool: ThreadPool) {
    this.itersPerMs = pool.beginRun(this.origin)
  }

  now(): number {
    return absNow() - this.origin
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
