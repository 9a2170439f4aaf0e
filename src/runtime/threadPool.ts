import type { CpuHooks } from '../core/goroutine'
import { Queue } from '../core/queue'
import { CMD, MAILBOX_BYTES, MB, MB_ITERS_BYTE, type FromThread, type ToThread } from './protocol'

interface CpuRequest {
  id: number
  ms: number
  hooks: CpuHooks
  done(): void
  /** iterations posted, and when the thread began (its own clock, absolute ms) */
  iters: number
  startT: number
}

interface Thread {
  port: MessagePort
  /** shared-memory command slot (cross-origin isolated pages), else commands go as messages */
  mailbox: { ctrl: Int32Array; iters: Float64Array } | null
  current: CpuRequest | null
  /** computing for a run that was stopped: not free until its 'end' arrives */
  draining: boolean
}

/**
 * The scheduler's view of the thread workers: a FIFO run queue of cpu segments and T threads.
 * A segment waits in the queue (runnable) until a thread is free, then is posted to it.
 */
export class ThreadPool {
  private threads: Thread[] = []
  private runq = new Queue<CpuRequest>()
  private nextId = 0
  private gen = 1
  itersPerMs = 0
  /**
   * The best rate a thread has shown on a whole job (iterations over its own elapsed time). The
   * calibration at start-up may have run on a busy core; from the next run on, jobs use the best
   * rate seen, so that a job of d ms is d ms of work on an uncontended core.
   */
  private bestSeen = 0
  /** absolute ms of the current run's origin; thread timestamps are reported relative to it */
  origin = 0

  constructor(
    ports: MessagePort[],
    private readonly cancelFlag: Int32Array | null,
  ) {
    if (cancelFlag) Atomics.store(cancelFlag, 0, this.gen)
    this.threads = ports.map((port, k) => {
      const th: Thread = { port, mailbox: null, current: null, draining: false }
      port.onmessage = (e: MessageEvent<FromThread>) => this.onMessage(k, e.data)
      if (cancelFlag) {
        // isolated: hand the thread a mailbox; it waits on it from now on (see thread.worker.ts)
        const buffer = new SharedArrayBuffer(MAILBOX_BYTES)
        th.mailbox = { ctrl: new Int32Array(buffer, 0, 4), iters: new Float64Array(buffer, MB_ITERS_BYTE, 1) }
        port.postMessage({ type: 'mailbox', buffer })
      }
      return th
    })
  }

  /**
   * Every thread runs the kernel once (JIT warm-up); then thread 0 alone measures its rate. Returns
   * the best rate measured so far: a calibration disturbed by other work never lowers it.
   */
  async calibrate(): Promise<number> {
    await Promise.all(this.threads.map((_, k) => this.ask(k, { type: 'warm' }, 'warmed')))
    const reply = await this.ask(0, { type: 'calibrate' }, 'calibrated')
    // the best rate measured is the least disturbed one (see kernel.ts: calibrate)
    if (reply.type === 'calibrated') this.itersPerMs = Math.max(this.itersPerMs, reply.itersPerMs)
    return this.itersPerMs
  }

  /** Warms every thread's JIT (for threads added after calibration). */
  async warm(): Promise<void> {
    await Promise.all(this.threads.map((_, k) => this.ask(k, { type: 'warm' }, 'warmed')))
  }

  /** One request/reply with a thread outside any run. */
  private ask(k: number, m: ToThread, replyType: FromThread['type']): Promise<FromThread> {
    return new Promise((resolve) => {
      const port = this.threads[k].port
      const prev = port.onmessage
      port.onmessage = (e: MessageEvent<FromThread>) => {
        if (e.data.type !== replyType) return
        port.onmessage = prev
        resolve(e.data)
      }
      this.post(k, m)
    })
  }

  /** Queues a cpu segment; `done` is called when a thread has finished it (never after stop()). */
  cpu(ms: number, hooks: CpuHooks, done: () => void): void {
    this.runq.push({ id: this.nextId++, ms, hooks, done, iters: 0, startT: NaN })
    this.dispatch()
  }

  /** A run begins at absolute ms `origin`; it uses the best rate seen so far. Returns that rate. */
  beginRun(origin: number): number {
    this.origin = origin
    if (this.bestSeen > this.itersPerMs) this.itersPerMs = this.bestSeen
    return this.itersPerMs
  }

  /** Segments queued or being computed. */
  get pending(): number {
    let n = this.runq.length
    for (const th of this.threads) if (th.current) n++
    return n
  }

  /** Abandons queued and running segments; running ones stop part-way via the cancel flag. */
  stop(): void {
    this.gen++
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, this.gen)
    this.runq = new Queue()
    for (const th of this.threads) {
      if (th.current) {
        th.current = null
        th.draining = true
      }
    }
  }

  private post(k: number, m: ToThread): void {
    const mb = this.threads[k].mailbox
    if (!mb) {
      this.threads[k].port.postMessage(m)
      return
    }
    if (m.type === 'run') {
      Atomics.store(mb.ctrl, MB.ID, m.id)
      Atomics.store(mb.ctrl, MB.GEN, m.gen)
      mb.iters[0] = m.iters
    }
    Atomics.store(mb.ctrl, MB.CMD, CMD[m.type])
    Atomics.add(mb.ctrl, MB.SEQ, 1)
    Atomics.notify(mb.ctrl, MB.SEQ)
  }

  private dispatch(): void {
    for (let k = 0; k < this.threads.length && this.runq.length > 0; k++) {
      const th = this.threads[k]
      if (th.current || th.draining) continue
      const req = this.runq.shift() as CpuRequest
      th.current = req
      req.iters = Math.max(1, Math.round(req.ms * this.itersPerMs))
      this.post(k, { type: 'run', id: req.id, iters: req.iters, gen: this.gen })
      req.hooks.posted(k)
    }
  }

  private onMessage(k: number, m: FromThread): void {
    const th = this.threads[k]
    if (m.type === 'start') {
      if (th.current && th.current.id === m.id) {
        th.current.startT = m.t
        th.current.hooks.started(k, m.t - this.origin)
      }
    } else if (m.type === 'end') {
      if (th.current && th.current.id === m.id) {
        // the thread's own clock says when it stopped: the slice ends there, not when we hear of it
        const req = th.current
        th.current = null
        const elapsed = m.t - req.startT
        // only whole jobs long enough for the clock to time well
        if (m.completed && elapsed >= 2) this.bestSeen = Math.max(this.bestSeen, req.iters / elapsed)
        req.hooks.ended(k, m.t - this.origin)
        req.done()
      } else {
        th.draining = false
      }
      this.dispatch()
    }
  }
}
