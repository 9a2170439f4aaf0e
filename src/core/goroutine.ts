import type { Alarm } from './alarm'
import { Claim, type Chan, type Received } from './chan'
import { JobStatus, Op, State, type StateCode } from './events'
import type { Job } from './jobs'
import { parkSelect, trySelect, type SelectCase, type Selected } from './select'
import type { Counter, Semaphore, WaitGroup } from './sync'

/** When a cpu segment really ran, as the thread that ran it saw it. Times are real ms since the run's origin. */
export interface CpuHooks {
  /** posted to `thread` (dispatch) */
  posted(thread: number): void
  /** `thread` began computing at `t` */
  started(thread: number, t: number): void
  /** `thread` finished at `t` (the goroutine resumes a little later) */
  ended(thread: number, t: number): void
}

/** Where a run's time passes. Durations and times are real ms; times since the run's origin. */
export interface Executor {
  now(): number
  /** Calls `fn` after `ms` unless cancelled. Pending timers keep a run alive. */
  after(ms: number, fn: () => void): () => void
  /**
   * Rings `alarm` at time `at` (not cancellable: only stop() abandons it), with the time it was
   * found due. Pending alarms keep a run alive.
   */
  alarm(at: number, alarm: Alarm): void
  /** Real computation of `ms` on one of the threads (FIFO when all are busy); `done` when finished. */
  cpu(ms: number, hooks: CpuHooks, done: () => void): void
  /**
   * No goroutine is runnable. A virtual clock advances to its next timer here. Returns false when
   * nothing is pending at all, so nothing can ever wake a goroutine again (deadlock).
   */
  idle(): boolean
  /** Abandons every pending timer and cpu segment. */
  stop(): void
}

/** What a goroutine needs of its runtime (implemented by Runtime). */
export interface RuntimeApi {
  readonly exec: Executor
  /** real ms per scenario ms */
  readonly timeScale: number
  readonly random: () => number
  readonly ended: boolean
  emit(op: number, a: number, b?: number, c?: number, d?: number, t?: number): void
  intern(text: string): number
  spawn(parent: Goroutine, name: string, group: string | null, fn: (g: Goroutine) => Promise<void>): Goroutine
  chan<T>(name: string, cap: number): Chan<T>
  waitGroup(name: string): WaitGroup
  semaphore(name: string, size: number): Semaphore
  counter(name: string): Counter
  /** bookkeeping of runnable goroutines: see Runtime */
  parked(): void
  woke(): void
  settle(): void
}

const RESOLVED: Promise<void> = Promise.resolve()

/** The resolve function of the promise just made with `new Promise(capture)` (no closure per promise). */
let captured: () => void = () => {}
const capture = (resolve: () => void): void => {
  captured = resolve
}

/** A goroutine's handle: every blocking operation goes through it, so the trace shows why it waits. */
export class Goroutine implements Alarm {
  /** what it is parked on, in Go's words ("chan send jobs"): for the deadlock report */
  waitingOn = ''
  /** its index in the runtime's table of live goroutines (−1 once it has exited) */
  slot = -1
  /** resolves the promise of a timed wait (io or sleep) in progress */
  private resume: (() => void) | null = null
  /** the job whose io wait is in progress (null: a sleep) */
  private waitJob: Job | null = null

  constructor(
    readonly rt: RuntimeApi,
    readonly id: number,
    readonly name: string,
  ) {}

  /** `go fn()`: a new goroutine named `name`, optionally one of a group (a pipeline stage), started after this step. */
  go(name: string, fn: (g: Goroutine) => Promise<void>, group: string | null = null): Goroutine {
    return this.rt.spawn(this, name, group, fn)
  }

  /** `make(chan T, cap)`, traced under `name`. */
  chan<T>(name: string, cap = 0): Chan<T> {
    return this.rt.chan<T>(name, cap)
  }

  waitGroup(name = 'wg'): WaitGroup {
    return this.rt.waitGroup(name)
  }

  semaphore(name: string, size: number): Semaphore {
    return this.rt.semaphore(name, size)
  }

  counter(name: string): Counter {
    return this.rt.counter(name)
  }

  /** An instant on this goroutine's lane (a barrier, a combine step, …). */
  mark(kind: string, resource = -1, value = -1): void {
    this.rt.emit(Op.Mark, this.rt.intern(kind), this.id, resource, value)
  }

  private set(state: StateCode, job = -1, aux = -1, t?: number): void {
    this.rt.emit(Op.State, this.id, state, job, aux, t)
  }

  /**
   * Parks this goroutine in `state` until `register`'s wake (or fail) is called. The runtime counts
   * it as not runnable from here until the wake, which is what lets a virtual clock advance the
   * moment every goroutine is parked, and what detects a deadlock.
   */
  private park<T>(state: StateCode, aux: number, what: string, register: (wake: (v: T) => void, fail: (e: unknown) => void) => void, job = -1): Promise<T> {
    const rt = this.rt
    return new Promise<T>((resolve, reject) => {
      let woken = false
      const wake = (v: T) => {
        if (woken) return
        woken = true
        this.waitingOn = ''
        rt.woke()
        resolve(v)
      }
      const fail = (e: unknown) => {
        if (woken) return
        woken = true
        this.waitingOn = ''
        rt.woke()
        reject(e)
      }
      this.set(state, job, aux)
      this.waitingOn = what
      rt.parked()
      register(wake, fail)
      rt.settle()
    })
  }

  /** `ch <- v` */
  async send<T>(ch: Chan<T>, v: T): Promise<void> {
    if (ch.trySend(v, this.id)) return
    await this.park<void>(State.BlockedSend, ch.resource, `chan send (${ch.name})`, (wake, fail) => ch.parkSend(new Claim(), v, () => wake(), fail, this.id))
    this.set(State.Active)
  }

  /** `v, ok := <-ch` */
  async recv<T>(ch: Chan<T>): Promise<Received<T>> {
    const r = ch.tryRecv(this.id)
    if (r) return r
    const got = await this.park<Received<T>>(State.BlockedRecv, ch.resource, `chan receive (${ch.name})`, (wake) => ch.parkRecv(new Claim(), wake, this.id))
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

  /** `close(ch)` */
  close<T>(ch: Chan<T>): void {
    ch.close()
  }

  /** `select { case … }`; with `hasDefault` it never blocks (index −1 = default). */
  async select<T>(cases: SelectCase<T>[], hasDefault = false): Promise<Selected<T>> {
    const now = trySelect(cases, this.rt.random, this.id)
    if (now) return now
    if (hasDefault) return { index: -1 }
    const aux = cases.length === 1 ? ('recv' in cases[0] ? cases[0].recv.resource : cases[0].send.resource) : -1
    const names = cases.map((c) => ('recv' in c ? `<-${c.recv.name}` : `${c.send.name}<-`)).join(', ')
    const got = await this.park<Selected<T>>(State.Select, aux, cases.length === 0 ? 'select (no cases)' : `select (${names})`, (wake, fail) => {
      if (cases.length > 0) parkSelect(cases, wake, fail, this.id)
    })
    this.set(State.Active)
    return got
  }

  /** `wg.Wait()`, drawn as a barrier wait. */
  async wait(wg: WaitGroup): Promise<void> {
    if (wg.counter === 0) return
    await this.park<void>(State.Barrier, wg.resource, `sync.WaitGroup.Wait (${wg.name})`, (wake) => wg.onZero(() => wake()))
    this.set(State.Active)
  }

  /** `sem <- struct{}{}`: holds one token of a counting semaphore until release. */
  async acquire(sem: Semaphore): Promise<void> {
    if (sem.tryAcquire()) return
    await this.park<void>(State.Acquire, sem.resource, `semaphore acquire (${sem.name})`, (wake) => sem.enqueue(() => wake()))
    this.set(State.Active)
  }

  /** time.Now(): scenario ms since the run began. */
  now(): number {
    return this.rt.exec.now() / this.rt.timeScale
  }

  /** Sleeps until scenario time `t` (ms since the run began): a ticker that does not drift. */
  sleepUntil(t: number): Promise<void> {
    return this.sleep(t - this.now())
  }

  /**
   * `time.Sleep(ms)`: scenario ms; holds no thread and is not a job. Not async, like `run`: the
   * goroutine is active again from its wake-up (the same instant), and a sleep costs no coroutine.
   */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return RESOLVED
    return this.parkOnTimer(State.Sleep, ms * this.rt.timeScale, 'sleep', null, this.rt.exec.now())
  }

  /**
   * Parks this goroutine until a timer rings it (an io wait or a sleep): what park() does, with the
   * goroutine itself as the timer's alarm and its promise's resolve kept here, so a timed wait
   * allocates one promise and no closure of its own. The wait begins at `t` (now) and its timer is
   * due `real` ms after that time.
   */
  private parkOnTimer(state: StateCode, real: number, what: string, job: Job | null, t: number): Promise<void> {
    const rt = this.rt
    const p = new Promise<void>(capture)
    this.resume = captured
    this.waitJob = job
    this.set(state, job === null ? -1 : job.id, real, t)
    this.waitingOn = what
    rt.parked()
    rt.exec.alarm(t + real, this)
    rt.settle()
    return p
  }

  /**
   * The timer of a timed wait was found due at `t`: the job (or the sleep) ends then, and the
   * goroutine is active again from then.
   */
  ring(t: number): void {
    const resume = this.resume
    const job = this.waitJob
    if (resume === null) return
    this.resume = null
    this.waitJob = null
    this.waitingOn = ''
    this.rt.woke()
    if (job !== null) this.jobEnd(job, t)
    else this.set(State.Active, -1, -1, t)
    resume()
  }

  /**
   * Executes one job for real: its cpu segment on a thread, then its io segment as a wait. A job
   * with `drop` set ends as dropped (with that reason) after its work; the caller does not pass it on.
   */
  run(job: Job): Promise<void> {
    const rt = this.rt
    // one clock read for the job's begin and, for an io job, the start of its wait (the same step)
    const t = rt.exec.now()
    rt.emit(Op.JobBegin, job.id, this.id, job.cpu, job.io, t)
    if (job.item !== undefined || job.label !== undefined || job.group !== undefined) {
      rt.emit(Op.JobInfo, job.id, job.item ?? -1, job.label === undefined ? -1 : rt.intern(job.label), job.group === undefined ? -1 : rt.intern(job.group), t)
    }
    return job.cpu > 0 ? this.cpuThenIo(job) : this.io(job, t)
  }

  private async cpuThenIo(job: Job): Promise<void> {
    const rt = this.rt
    await this.park<void>(State.Runnable, -1, 'cpu', (wake) =>
      rt.exec.cpu(job.cpu * rt.timeScale, {
        posted: (k) => rt.emit(Op.CpuPost, job.id, k),
        started: (k, t) => this.set(State.Running, job.id, k, t),
        ended: (k, t) => this.set(State.Waking, job.id, k, t),
      }, () => wake()),
      job.id,
    )
    await this.io(job, rt.exec.now())
  }

  /**
   * A job's io segment, then its end. Not async: the job ends, and the goroutine is active again,
   * the moment its wait is over, and an io job costs no coroutine of its own (10,000 goroutines
   * each waiting on one are spawned in a few ms).
   */
  private io(job: Job, t: number): Promise<void> {
    if (job.io <= 0) {
      this.jobEnd(job, t)
      return RESOLVED
    }
    return this.parkOnTimer(State.Io, job.io * this.rt.timeScale, 'io wait', job, t)
  }

  /** The job ends at `t`, and the goroutine is active again. */
  private jobEnd(job: Job, t: number): void {
    const rt = this.rt
    if (job.drop !== undefined) rt.emit(Op.JobEnd, job.id, this.id, JobStatus.Dropped, rt.intern(job.drop), t)
    else rt.emit(Op.JobEnd, job.id, this.id, JobStatus.Done, -1, t)
    this.set(State.Active, -1, -1, t)
  }
}
