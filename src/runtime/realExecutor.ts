import type { Alarm } from '../core/alarm'
import type { CpuHooks, Executor } from '../core/goroutine'
import { perf } from './clock'
import type { ThreadPool } from './threadPool'
import { Timers } from './timers'

/** Executes a run for real: io = precise timers in this worker, cpu = the thread workers. */
export class RealExecutor implements Executor {
  /** performance.now() at the run's origin: now() reads one clock (it is read for trace events) */
  private readonly start = perf.now()
  /** absolute ms of the run's origin (as absNow() counts) */
  readonly origin = perf.timeOrigin + this.start
  private timers = new Timers(this.start)

  /** iterations per ms of cpu work in this run */
  readonly itersPerMs: number

  constructor(private readonly pool: ThreadPool) {
    this.itersPerMs = pool.beginRun(this.origin)
  }

  now(): number {
    return perf.now() - this.start
  }

  after(ms: number, fn: () => void): () => void {
    return this.timers.at(this.now() + ms, fn)
  }

  alarm(at: number, alarm: Alarm): void {
    this.timers.ring(at, alarm)
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
