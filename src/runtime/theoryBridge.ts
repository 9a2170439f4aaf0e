import * as Comlink from 'comlink'
import type { Scenario } from '../core/scenario'
import type { VirtualRun } from '../patterns/theory'
import type { TheoryApi } from './theory.worker'

/**
 * Owns the theory worker (created on first use). Requests are answered in order; a worker that
 * dies is replaced for the next request and the pending one fails with a message.
 */
export class TheoryBridge {
  private worker: Worker | null = null
  private api: Comlink.Remote<TheoryApi> | null = null
  private pending = new Set<(e: Error) => void>()

  private ensure(): Comlink.Remote<TheoryApi> {
    if (this.api) return this.api
    const w = new Worker(new URL('./theory.worker.ts', import.meta.url), { type: 'module', name: 'theory' })
    w.addEventListener('error', (e) => {
      e.preventDefault()
      const err = new Error(`the theory worker stopped working (${e.message || 'worker error'})`)
      for (const reject of this.pending) reject(err)
      this.pending.clear()
      this.destroy()
    })
    this.worker = w
    this.api = Comlink.wrap<TheoryApi>(w)
    return this.api
  }

  /** The ideal schedule of `scenario` on `cpus` threads, as recorded events. */
  plan(scenario: Scenario, cpus: number): Promise<VirtualRun> {
    const api = this.ensure()
    return new Promise<VirtualRun>((resolve, reject) => {
      this.pending.add(reject)
      api.plan(scenario, cpus).then(
        (run) => {
          this.pending.delete(reject)
          resolve(run)
        },
        (e: unknown) => {
          this.pending.delete(reject)
          reject(e instanceof Error ? e : new Error(String(e)))
        },
      )
    })
  }

  destroy(): void {
    this.worker?.terminate()
    this.worker = null
    this.api = null
  }
}
