import * as Comlink from 'comlink'
import type { Scenario } from '../core/scenario'
import type { Batch, PlannedRun, SchedulerApi } from './scheduler.worker'

export interface RunHandle {
  /** absolute ms (timeOrigin + now) of the run's t = 0 */
  origin: number
  /** iterations per ms the run's cpu work uses */
  itersPerMs: number
  /** resolves when the run has ended, with the error message of a failed run ('' otherwise) */
  ended: Promise<string>
}

/**
 * A call failed because a worker died. The death has been reported already (to the run it ended,
 * or through `onProblem`): whoever catches this says no more than that the call failed.
 */
export class WorkerDied extends Error {}

/**
 * Owns the workers (the squoosh worker-bridge shape): one scheduler worker, driven through comlink,
 * and T thread workers, each joined to the scheduler by its own MessagePort. Nothing else creates
 * workers. A thread that dies fails the current run, or the setup that waits on it (its script did
 * not load), and the pool is rebuilt before the next run; a scheduler that dies fails the run or the
 * call that waits on it and marks the engine `broken` (the owner makes a new one).
 */
export class Engine {
  private scheduler: Worker
  private api: Comlink.Remote<SchedulerApi>
  private threads: Worker[] = []
  private dirty = true
  private itersPerMs = 0
  /** the rate was measured again on a quiet page, before the first run with cpu work */
  private rateChecked = false
  private readonly cancel: SharedArrayBuffer | null
  /** ends the current run (set while one is under way) */
  private endRun: ((error: string) => void) | null = null
  broken = false
  /** told of a worker problem that no run can report */
  onProblem: (message: string) => void = () => {}

  /** rejects when the scheduler worker dies: a call waiting on it would otherwise never return */
  private readonly died: Promise<never>
  private kill: (e: Error) => void = () => {}
  /** rejects when a thread of the current set dies: a setup call waiting on its reply fails then */
  private threadDeath: Promise<never> = new Promise<never>(() => {})

  constructor() {
    this.died = new Promise<never>((_, reject) => {
      this.kill = reject
    })
    this.died.catch(() => {})
    this.scheduler = new Worker(new URL('./scheduler.worker.ts', import.meta.url), { type: 'module', name: 'scheduler' })
    this.scheduler.addEventListener('error', (e) => {
      e.preventDefault()
      this.broken = true
      const message = `The scheduler worker stopped working (${e.message || 'it failed to load or crashed'}). It will be restarted for the next run.`
      this.fail(message)
      this.kill(new WorkerDied(message))
      this.destroy()
    })
    this.api = Comlink.wrap<SchedulerApi>(this.scheduler)
    this.cancel = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : null
  }

  get cpuRate(): number {
    return this.itersPerMs
  }

  private setup: Promise<void> = Promise.resolve()

  /** Makes sure T healthy thread workers are attached; calibrates the cpu work rate once. */
  ensureThreads(T: number): Promise<void> {
    // one setup at a time (warm-up and a first Run may ask together)
    this.setup = this.setup.catch(() => {}).then(() => this.attachThreads(T))
    return this.setup
  }

  private async attachThreads(T: number): Promise<void> {
    if (!this.dirty && this.threads.length === T) return
    for (const w of this.threads) w.terminate()
    const ports: MessagePort[] = []
    let die: (e: Error) => void = () => {}
    let dead = false
    this.threadDeath = new Promise<never>((_, reject) => {
      die = reject
    })
    this.threadDeath.catch(() => {})
    this.threads = Array.from({ length: T }, (_, k) => {
      const w = new Worker(new URL('./thread.worker.ts', import.meta.url), { type: 'module', name: `thread ${k}` })
      const ch = new MessageChannel()
      w.postMessage({ port: ch.port1, cancel: this.cancel }, [ch.port1])
      ports.push(ch.port2)
      w.addEventListener('error', (e) => {
        e.preventDefault()
        this.dirty = true
        const message = `Thread ${k} stopped working (${e.message || 'it failed to load or crashed'}). It will be restarted for the next run.`
        // a setup waiting on this thread (attach, warm-up, calibration) would never hear from it
        die(new WorkerDied(message))
        // the first death of a set is reported; the set is replaced whole before the next run
        const first = !dead
        dead = true
        if (this.endRun) void this.api.fail(message)
        else if (first) this.onProblem(message)
      })
      return w
    })
    await this.onThreads(this.api.attach(Comlink.transfer(ports, ports), this.cancel, this.itersPerMs))
    if (this.itersPerMs === 0) this.itersPerMs = await this.onThreads(this.api.calibrate())
    else await this.onThreads(this.api.warm())
    this.dirty = false
  }

  /**
   * Starts a run on T threads; trace batches go to `onEvents` in order, the last one before `ended`.
   * Before the first run with cpu work (`cpu`), the rate is measured once more: the calibration at
   * start-up shares the cores with the page loading, and a rate measured too low would make every
   * job shorter than it says (a first run faster than its theory).
   */
  async run(scenario: Scenario, threads: number, onBatch: (batch: Batch) => void, cpu = true): Promise<RunHandle> {
    await this.ensureThreads(threads)
    if (cpu && !this.rateChecked) {
      this.rateChecked = true
      this.itersPerMs = await this.onThreads(this.api.calibrate())
    }
    const ended = new Promise<string>((resolve) => {
      this.endRun = (error) => {
        this.endRun = null
        resolve(error)
      }
    })
    const { origin, itersPerMs } = await this.guard(this.api.run(
      scenario,
      Comlink.proxy((batch: Batch) => {
        onBatch(batch)
        if (batch.end) this.endRun?.(batch.end.error)
      }),
    ))
    this.itersPerMs = itersPerMs
    return { origin, itersPerMs, ended }
  }

  /**
   * Stops the current run at once. With a shared cancel flag the threads abandon their job within
   * ~20 µs; without one (no cross-origin isolation) the threads are terminated and respawned.
   */
  async stop(): Promise<void> {
    if (this.broken) return
    await this.guard(this.api.stop())
    if (!this.cancel) {
      for (const w of this.threads) w.terminate()
      this.dirty = true
    }
  }

  /** The ideal schedule of `scenario` on `cpus` threads (computed in the scheduler worker). */
  plan(scenario: Scenario, cpus: number): Promise<PlannedRun> {
    if (this.broken) return Promise.reject(new Error('the scheduler worker stopped working'))
    return this.guard(this.api.plan(scenario, cpus))
  }

  /** A call to the scheduler, or its death. */
  private guard<T>(call: Promise<T>): Promise<T> {
    return Promise.race([call, this.died])
  }

  /** A call to the scheduler that waits on the threads' replies, or the death of the scheduler or of a thread. */
  private onThreads<T>(call: Promise<T>): Promise<T> {
    return Promise.race([call, this.died, this.threadDeath])
  }

  private fail(message: string): void {
    if (this.endRun) this.endRun(message)
    else this.onProblem(message)
  }

  destroy(): void {
    for (const w of this.threads) w.terminate()
    this.scheduler.terminate()
  }
}
