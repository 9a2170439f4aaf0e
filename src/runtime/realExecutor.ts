import type { CpuHooks, Executor } from '../core/goroutine'
import { StopSignal } from '../core/goroutine'
import { absNow } from './clock'
import type { ThreadPool } from './threadPool'
import { Timers } from './timers'

/** Executes a run for real: io = precise timers in this worker, cpu = the thread workers. */
export class RealExecutor implements Executor {
  private timers = new Timers()
  private pendingIo = new Set<(e: Error) => void>()
  /** absolute ms of the run's origin */
  readonly origin = absNow()

  constructor(private readonly pool: ThreadPool) {
    pool.origin = this.origin
  }

  now(): number {
    return absNow() - this.origin
  }

  io(ms: number): Promise<void> {
    const deadline = performance.now() + ms
    return new Promise((resolve, reject) => {
      this.pendingIo.add(reject)
      this.timers.at(deadline, () => {
        this.pendingIo.delete(reject)
        resolve()
      })
    })
  }

  cpu(ms: number, hooks: CpuHooks): Promise<void> {
    return this.pool.cpu(ms, hooks)
  }

  stop(): void {
    this.timers.dispose()
    for (const reject of this.pendingIo) reject(new StopSignal())
    this.pendingIo.clear()
    this.pool.stop()
  }
}
