import { Chan, type ChanTracer } from './chan'
import { Exit, NAME_NUMBER, Op, ResourceKind, RunStatus, State, type TraceSink } from './events'
import { Goroutine, type Executor, type RuntimeApi } from './goroutine'
import { createRng } from './rng'
import { Counter, Semaphore, WaitGroup } from './sync'

/** Go's words, so that a learner recognises them. */
export const DEADLOCK = 'fatal error: all goroutines are asleep - deadlock!'

export interface RunResult {
  status: number
  error?: string
}

/** Item id of a value passed on a channel: a number, or an object's `item` (else `id`); −1 when it has none. */
export function itemOf(v: unknown): number {
  if (typeof v === 'number') return v
  if (v !== null && typeof v === 'object') {
    const o = v as { item?: unknown; id?: unknown }
    if (typeof o.item === 'number') return o.item
    if (typeof o.id === 'number') return o.id
  }
  return -1
}

/**
 * One run of a program: spawns goroutines, traces what each does, and ends when main returns
 * (like a Go program), on Stop, on the first panic, or in a deadlock.
 *
 * It counts runnable goroutines the way Go's scheduler keeps a run queue: a goroutine is runnable
 * from its spawn or wake-up until it parks or exits. When none is runnable the executor is told
 * (`idle`): a virtual clock then jumps to its next timer at once, so a whole ideal schedule is
 * computed in one go; if nothing is pending either, no goroutine can ever wake again: deadlock.
 */
export class Runtime implements RuntimeApi {
  private nextG = 0
  private nextResource = 0
  private strings = new Map<string, number>()
  /** live goroutines in spawn order, with holes (null) where some have exited: see forget() */
  private alive: (Goroutine | null)[] = []
  private holes = 0
  private runnable = 0
  private isEnded = false
  private checking = false
  private finish!: (r: RunResult) => void
  readonly done: Promise<RunResult>
  readonly random: () => number
  private readonly chanTracer: ChanTracer<unknown>
  /** last sample per resource, to skip repeats */
  private lastSample: number[] = []

  constructor(
    readonly exec: Executor,
    private readonly sink: TraceSink,
    /** real ms per scenario ms */
    readonly timeScale: number,
    seed = 1,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve))
    this.random = createRng(seed ^ 0x5e1ec7).next
    this.chanTracer = {
      changed: (ch) => this.sample(ch.resource, ch.len, ch.sendqLength, ch.recvqLength),
      buffered: (ch, v, from) => this.emit(Op.Buffered, ch.resource, from, itemOf(v)),
      passed: (ch, v, from, to, direct) => this.emit(direct ? Op.Handoff : Op.Delivered, ch.resource, from, to, itemOf(v)),
      closed: (ch) => this.emit(Op.Mark, this.intern('close'), -1, ch.resource),
    }
  }

  get ended(): boolean {
    return this.isEnded
  }

  emit(op: number, a: number, b = -1, c = -1, d = -1, t = this.exec.now()): void {
    if (!this.isEnded) this.sink.event(op, t, a, b, c, d)
  }

  /** The id of `text` in the trace's string table (defined on first use). */
  intern(text: string): number {
    let id = this.strings.get(text)
    if (id === undefined) {
      id = this.strings.size
      this.strings.set(text, id)
      this.sink.string(id, text)
    }
    return id
  }

  /**
   * A goroutine name's Spawn field: a name that ends in a number (up to 9 digits, no leading zero)
   * is its interned stem plus the number (NAME_NUMBER); any other name is interned whole.
   */
  nameId(name: string): number {
    let k = name.length
    let num = 0
    let scale = 1
    while (k > 0) {
      const c = name.charCodeAt(k - 1)
      if (c < 48 || c > 57) break
      num += (c - 48) * scale
      scale *= 10
      k--
    }
    const digits = name.length - k
    if (digits === 0 || digits > 9 || (digits > 1 && name.charCodeAt(k) === 48)) return this.intern(name)
    return this.intern(name.slice(0, k)) + (num + 1) * NAME_NUMBER
  }

  /** Runs `fn` as the main goroutine; the run ends when it returns. */
  main(fn: (g: Goroutine) => Promise<void>): Promise<RunResult> {
    this.spawn(null, 'main', null, fn)
    return this.done
  }

  spawn(parent: Goroutine | null, name: string, group: string | null, fn: (g: Goroutine) => Promise<void>): Goroutine {
    const g = new Goroutine(this, this.nextG++, name)
    g.slot = this.alive.length
    this.alive.push(g)
    this.runnable++
    const t = this.exec.now()
    this.emit(Op.Spawn, g.id, this.nameId(name), group === null ? -1 : this.intern(group), parent ? parent.id : -1, t)
    this.emit(Op.State, g.id, State.Active, -1, -1, t)
    // `go f()` returns at once; f starts after the spawner's step. Goroutines spawned in one step
    // start together from one microtask: a loop that spawns 10,000 allocates no closure per spawn.
    this.toStart.push(g)
    this.toStartFns.push(fn)
    if (this.toStart.length === 1) queueMicrotask(this.startSpawned)
    return g
  }

  private toStart: Goroutine[] = []
  private toStartFns: ((g: Goroutine) => Promise<void>)[] = []
  private readonly startSpawned = () => {
    const gs = this.toStart
    const fns = this.toStartFns
    this.toStart = []
    this.toStartFns = []
    for (let i = 0; i < gs.length && !this.isEnded; i++) this.enter(gs[i], fns[i])
  }

  /**
   * A goroutine's life: its function, then its exit (main's return ends the program; a panic ends it
   * too). Not async: a `then` on the function's promise costs less than a coroutine that awaits it,
   * and resumes in the same microtask an await would.
   */
  private enter(g: Goroutine, fn: (g: Goroutine) => Promise<void>): void {
    let life: Promise<void>
    try {
      life = Promise.resolve(fn(g))
    } catch (e) {
      this.panicked(g, e)
      return
    }
    life.then(() => this.returned(g), (e: unknown) => this.panicked(g, e))
  }

  private returned(g: Goroutine): void {
    if (this.isEnded) return
    this.forget(g)
    this.runnable--
    this.emit(Op.Exit, g.id, Exit.Returned)
    if (g.id === 0) this.stop(RunStatus.Done) // main returning ends the program; others are cut off
    else this.settle()
  }

  private panicked(g: Goroutine, e: unknown): void {
    if (this.isEnded) return
    const text = e instanceof Error ? e.message : String(e)
    this.emit(Op.Exit, g.id, Exit.Panicked, this.intern(text))
    this.stop(RunStatus.Failed, `panic: ${text} [goroutine "${g.name}"]`) // a panic ends the program
  }

  /** Takes `g` out of the table of live goroutines (a hole, filled when holes are half of it). */
  private forget(g: Goroutine): void {
    this.alive[g.slot] = null
    g.slot = -1
    if (++this.holes > 1024 && this.holes * 2 > this.alive.length) {
      let w = 0
      for (const x of this.alive) {
        if (x === null) continue
        x.slot = w
        this.alive[w++] = x
      }
      this.alive.length = w
      this.holes = 0
    }
  }

  /** The live goroutines, in the order they were spawned. */
  private living(): Goroutine[] {
    return this.alive.filter((g) => g !== null)
  }

  /** Ends the run now. Goroutines still alive are cut off (cancelled). */
  stop(status: number = RunStatus.Stopped, error?: string): void {
    if (this.isEnded) return
    const t = this.exec.now()
    for (const g of this.living()) this.sink.event(Op.Exit, t, g.id, Exit.Cancelled, -1, -1)
    this.sink.event(Op.RunEnd, t, status, error ? this.intern(error) : -1, -1, -1)
    this.isEnded = true
    this.alive = []
    this.holes = 0
    this.exec.stop()
    this.finish(error ? { status, error } : { status })
  }

  parked(): void {
    this.runnable--
  }

  woke(): void {
    this.runnable++
  }

  /** Called after a park or an exit: when nothing is runnable, let time pass (or report a deadlock). */
  settle(): void {
    if (this.runnable > 0 || this.isEnded || this.checking) return
    this.checking = true
    try {
      if (!this.exec.idle() && this.runnable === 0 && !this.isEnded) this.stop(RunStatus.Failed, this.deadlockReport())
    } finally {
      this.checking = false
    }
  }

  private deadlockReport(): string {
    const parked = this.living()
    const shown = parked.slice(0, 4).map((g) => `${g.name} [${g.waitingOn || 'parked'}]`)
    const more = parked.length > shown.length ? `; and ${parked.length - shown.length} more` : ''
    return `${DEADLOCK} ${shown.join('; ')}${more}`
  }

  private resource(kind: number, name: string, cap: number): number {
    const id = this.nextResource++
    this.emit(Op.Resource, id, kind, this.intern(name), cap)
    this.lastSample[id] = NaN
    return id
  }

  private sample(id: number, value: number, sendq: number, recvq: number): void {
    if (id < 0) return
    const key = value * 1e12 + sendq * 1e6 + recvq
    if (this.lastSample[id] === key) return
    this.lastSample[id] = key
    this.emit(Op.Sample, id, value, sendq, recvq)
  }

  chan<T>(name: string, cap: number): Chan<T> {
    const ch = new Chan<T>(cap, name)
    ch.resource = this.resource(ResourceKind.Chan, name, cap)
    ch.tracer = this.chanTracer as ChanTracer<T>
    this.sample(ch.resource, 0, 0, 0)
    return ch
  }

  waitGroup(name: string): WaitGroup {
    const wg = new WaitGroup(name)
    const id = (wg.resource = this.resource(ResourceKind.WaitGroup, name, -1))
    wg.onSample = (v, waiting) => this.sample(id, v, waiting, 0)
    this.sample(id, 0, 0, 0)
    return wg
  }

  semaphore(name: string, size: number): Semaphore {
    const sem = new Semaphore(size, name)
    const id = (sem.resource = this.resource(ResourceKind.Semaphore, name, size))
    sem.onSample = (v, waiting) => this.sample(id, v, waiting, 0)
    this.sample(id, 0, 0, 0)
    return sem
  }

  counter(name: string): Counter {
    const c = new Counter(name)
    const id = (c.resource = this.resource(ResourceKind.Counter, name, -1))
    c.onSample = (v) => this.sample(id, v, 0, 0)
    this.sample(id, 0, 0, 0)
    return c
  }
}
