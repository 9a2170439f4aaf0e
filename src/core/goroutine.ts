import type { Chan, Received } from './chan'
import { Op, Role, RunStatus, State, type StateCode } from './events'
import type { Job } from './jobs'
import type { WaitGroup } from './sync'

/** Where the run's jobs really execute. Times are real ms since the run's origin. */
export interface Executor {
  now(): number
  /** A real wait that holds no thread. */
  io(ms: number): Promise<void>
  /** Real computation of `ms` on one of the threads; FIFO when all threads are busy. */
  cpu(ms: number, hooks: CpuHooks): Promise<void>
  /** Abandon every pending io and cpu: their promises reject with StopSignal. */
  stop(): void
}

export interface CpuHooks {
  /** the segment was posted to `thread` (dispatch) */
  handoff(thread: number): void
  /** `thread` began computing at time `t` (measured on that thread) */
  start(thread: number, t: number): void
}

/** Receives trace events (see events.ts for the meaning of a…d). */
export type EventSink = (op: number, t: number, a: number, b: number, c: number, d: number) => void

/** Rejection reason of work abandoned by Stop. */
export class StopSignal extends Error {
  constructor() {
    super('stopped')
  }
}

/**
 * One run: spawns goroutines, traces what each does, and ends when main returns (like a Go program),
 * on Stop, or on the first panic.
 */
export class Runtime {
  private nextId = 0
  private alive = new Set<Goroutine>()
  private ended = false
  private finish!: (status: number, error?: unknown) => void
  readonly done: Promise<{ status: number; error?: unknown }>

  constructor(
    readonly exec: Executor,
    private readonly sink: EventSink,
    /** real ms per scenario ms */
    readonly timeScale: number,
  ) {
    this.done = new Promise((resolve) => {
      this.finish = (status, error) => resolve({ status, error })
    })
  }

  get isEnded(): boolean {
    return this.ended
  }

  emit(op: number, a: number, b = -1, c = -1, d = -1, t = this.exec.now()): void {
    if (!this.ended) this.sink(op, t, a, b, c, d)
  }

  /** Runs `fn` as the main goroutine; the run ends when it returns. */
  main(fn: (g: Goroutine) => Promise<void>): Promise<{ status: number; error?: unknown }> {
    this.spawn(Role.Main, 0, null, fn, true)
    return this.done
  }

  /** `go fn()`: a new goroutine, started after the caller's current step. */
  go(parent: Goroutine, role: number, index: number, fn: (g: Goroutine) => Promise<void>): Goroutine {
    return this.spawn(role, index, parent, fn, false)
  }

  stop(status: number = RunStatus.Stopped, error?: unknown): void {
    if (this.ended) return
    const t = this.exec.now()
    for (const g of this.alive) this.sink(Op.Exit, t, g.id, 1, -1, -1)
    this.sink(Op.RunEnd, t, status, -1, -1, -1)
    this.ended = true
    this.alive.clear()
    this.exec.stop()
    this.finish(status, error)
  }

  private spawn(role: number, index: number, parent: Goroutine | null, fn: (g: Goroutine) => Promise<void>, isMain: boolean): Goroutine {
    const g = new Goroutine(this, this.nextId++)
    this.alive.add(g)
    this.emit(Op.Spawn, g.id, role, index, parent ? parent.id : -1)
    this.emit(Op.State, g.id, State.Active)
    queueMicrotask(() => {
      fn(g).then(
        () => {
          if (this.ended) return
          this.alive.delete(g)
          this.emit(Op.Exit, g.id, 0)
          if (isMain) {
            // main returning ends the program; any goroutine still alive is cut off
            this.stop(RunStatus.Done)
          }
        },
        (e: unknown) => {
          if (this.ended || e instanceof StopSignal) return
          this.stop(RunStatus.Failed, e) // a panic in any goroutine ends the program
        },
      )
    })
    return g
  }
}

/** A goroutine's handle: every blocking operation goes through it so the trace shows why it waits. */
export class Goroutine {
  constructor(
    readonly rt: Runtime,
    readonly id: number,
  ) {}

  private set(state: StateCode, job = -1, aux = -1, t?: number): void {
    this.rt.emit(Op.State, this.id, state, job, aux, t)
  }

  go(role: number, index: number, fn: (g: Goroutine) => Promise<void>): Goroutine {
    return this.rt.go(this, role, index, fn)
  }

  async send<T>(ch: Chan<T>, v: T): Promise<void> {
    if (ch.trySend(v)) return
    this.set(State.BlockedSend)
    await ch.send(v)
    this.set(State.Active)
  }

  async recv<T>(ch: Chan<T>): Promise<Received<T>> {
    const r = ch.tryRecv()
    if (r) return r
    this.set(State.BlockedRecv)
    const got = await ch.recv()
    this.set(State.Active)
    return got
  }

  /** `for v := range ch` */
  async *range<T>(ch: Chan<T>): AsyncGenerator<T> {
    for (;;) {
      const { value, ok } = await this.recv(ch)
      if (!ok) return
      yield value as T
    }
  }

  /** `wg.Wait()`, drawn as a barrier wait. */
  async wait(wg: WaitGroup): Promise<void> {
    if (wg.counter === 0) return
    this.set(State.Barrier)
    await wg.wait()
    this.set(State.Active)
  }

  /** Executes one job for real: its cpu segment on a thread, then its io segment as a wait. */
  async run(job: Job): Promise<void> {
    const rt = this.rt
    const scale = rt.timeScale
    rt.emit(Op.JobBegin, job.id, this.id)
    // On Stop these awaits reject with StopSignal; the trace closes unfinished jobs as cancelled.
    if (job.cpu > 0) {
      this.set(State.Runnable, job.id)
      await rt.exec.cpu(job.cpu * scale, {
        handoff: (thread) => rt.emit(Op.Handoff, job.id, thread),
        start: (thread, t) => this.set(State.Running, job.id, thread, t),
      })
    }
    if (job.io > 0) {
      this.set(State.Io, job.id, job.io * scale)
      await rt.exec.io(job.io * scale)
    }
    rt.emit(Op.JobEnd, job.id, this.id, 0)
    this.set(State.Active)
  }
}
