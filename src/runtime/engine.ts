import * as Comlink from 'comlink'
import type { Scenario } from '../core/scenario'
import type { SchedulerApi } from './scheduler.worker'

export interface RunHandle {
  /** absolute ms (timeOrigin + now) of the run's t = 0 */
  origin: number
  /** resolves when the run has ended, with the error message of a failed run ('' otherwise) */
  ended: Promise<string>
}

/**
 * Owns the workers (the squoosh worker-bridge shape): one scheduler worker, driven through comlink,
 * and T thread workers, each joined to the scheduler by its own MessagePort. Nothing else creates
 * workers. A thread that dies fails the current run and the pool is rebuilt before the next one.
 */
export class Engine {
  private scheduler: Worker
  private api: Comlink.Remote<SchedulerApi>
  private threads: Worker[] = []
  private dirty = true
  private itersPerMs = 0
  private readonly cancel: SharedArrayBuffer | null
  private running = false
  /** told when a thread dies outside a run's control */
  onProblem: (message: string) => void = () => {}

  constructor() {
    this.scheduler = new Worker(new URL('./scheduler.worker.ts', import.meta.url), { type: 'module', name: 'scheduler' })
    this.scheduler.addEventListener('error', (e) => this.onProblem(`The scheduler worker failed: ${e.message || 'unknown error'}`))
    this.api = Comlink.wrap<SchedulerApi>(this.scheduler)
    this.cancel = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : null
  }

  get threadCount(): number {
    return this.threads.length
  }

  get cpuRate(): number {
    return this.itersPerMs
  }

  /** Makes sure T healthy thread workers are attached; calibrates the cpu work rate once. */
  async ensureThreads(T: number): Promise<void> {
    if (!this.dirty && this.threads.length === T) return
    for (const w of this.threads) w.terminate()
    const ports: MessagePort[] = []
    this.threads = Array.from({ length: T }, (_, k) => {
      const w = new Worker(new URL('./thread.worker.ts', import.meta.url), { type: 'module', name: `thread ${k}` })
      const ch = new MessageChannel()
      w.postMessage({ port: ch.port1, cancel: this.cancel }, [ch.port1])
      ports.push(ch.port2)
      w.addEventListener('error', (e) => {
        e.preventDefault()
        this.dirty = true
        const msg = `Thread ${k} stopped working (${e.message || 'worker error'}). It will be restarted for the next run.`
        if (this.running) void this.api.fail(msg)
        else this.onProblem(msg)
      })
      return w
    })
    await this.api.attach(Comlink.transfer(ports, ports), this.cancel, this.itersPerMs)
    if (this.itersPerMs === 0) this.itersPerMs = await this.api.calibrate()
    this.dirty = false
  }

  /** Starts a run on T threads; trace batches go to `onEvents` in order, the last one before `ended`. */
  async run(scenario: Scenario, threads: number, onEvents: (batch: Float64Array) => void): Promise<RunHandle> {
    await this.ensureThreads(threads)
    let resolveEnd!: (error: string) => void
    const ended = new Promise<string>((r) => (resolveEnd = r))
    this.running = true
    const origin = await this.api.run(
      scenario,
      Comlink.proxy((batch: Float64Array, end: { error: string } | null) => {
        onEvents(batch)
        if (end) {
          this.running = false
          resolveEnd(end.error)
        }
      }),
    )
    return { origin, ended }
  }

  /**
   * Stops the current run at once. With a shared cancel flag the threads abandon their job within
   * ~20 µs; without one (no cross-origin isolation) the busy threads are terminated and respawned.
   */
  async stop(): Promise<void> {
    await this.api.stop()
    if (!this.cancel) {
      for (const w of this.threads) w.terminate()
      this.dirty = true
    }
  }

  /** Test hook: make thread k die during a run. */
  crashThread(k: number): Promise<void> {
    return this.api.crashThread(k)
  }

  destroy(): void {
    for (const w of this.threads) w.terminate()
    this.scheduler.terminate()
  }
}
