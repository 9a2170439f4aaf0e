import { Column } from './column'
import { EVENT_WIDTH, Op, RunStatus, State } from './events'
import type { Job } from './jobs'
import type { Scenario } from './scenario'
import type { Theory } from './theory'

export type TraceStatus = 'running' | 'done' | 'stopped' | 'failed'

/** Facts about the machine and the run that the numbers need next to them. */
export interface TraceMeta {
  threads: number
  hardwareConcurrency: number
  crossOriginIsolated: boolean
  /** calibrated cpu work rate of one thread */
  itersPerMs: number
  /** wall-clock start of the run, ms since the epoch */
  startedAt: number
}

/**
 * The append-only record of one run, stored by column. Times are real ms since the run's origin;
 * divide by scenario.timeScale for scenario ms. A segment is [t0, t1) of one goroutine in one state;
 * t1 is NaN while it is still open. Jobs are indexed by job id; goroutines by goroutine id (= lane).
 */
export class Trace {
  // goroutines
  readonly gRole = new Column(Int8Array)
  readonly gIndex = new Column(Int32Array)
  readonly gSpawn = new Column(Float64Array, 64, NaN)
  readonly gExit = new Column(Float64Array, 64, NaN)
  /** 0 returned, 1 cancelled (stopped while alive) */
  readonly gExitHow = new Column(Int8Array)
  private gOpen = new Column(Int32Array, 64, -1)
  // segments
  readonly sG = new Column(Int32Array)
  readonly sState = new Column(Uint8Array)
  readonly sJob = new Column(Int32Array)
  /** thread for Running, planned real ms for Io, else −1 */
  readonly sAux = new Column(Float64Array)
  readonly sT0 = new Column(Float64Array)
  readonly sT1 = new Column(Float64Array, 64, NaN)
  // jobs, by id
  readonly jBegin: Float64Array
  readonly jHandoff: Float64Array
  readonly jStart: Float64Array
  readonly jEnd: Float64Array
  readonly jG: Int32Array
  /** 0 done, 1 cancelled, −1 not finished */
  readonly jStatus: Int8Array
  // the jobs channel
  readonly chanT = new Column(Float64Array)
  readonly chanLen = new Column(Int32Array)
  chanCap = 0
  readonly barriers: number[] = []

  status: TraceStatus = 'running'
  error = ''
  /** time of the run's end (main returned, Stop, or panic) */
  endT = NaN
  /** latest time any event carried */
  lastT = 0
  jobsDone = 0
  /** bumped by every applied batch: views redraw when it changes */
  version = 0

  constructor(
    readonly scenario: Scenario,
    readonly jobs: Job[],
    readonly theory: Theory,
    readonly meta: TraceMeta,
  ) {
    const n = jobs.length
    this.jBegin = new Float64Array(n).fill(NaN)
    this.jHandoff = new Float64Array(n).fill(NaN)
    this.jStart = new Float64Array(n).fill(NaN)
    this.jEnd = new Float64Array(n).fill(NaN)
    this.jG = new Int32Array(n).fill(-1)
    this.jStatus = new Int8Array(n).fill(-1)
  }

  get goroutines(): number {
    return this.gRole.length
  }

  get segments(): number {
    return this.sG.length
  }

  /** Applies one batch of wire events (see events.ts). */
  apply(ev: Float64Array): void {
    for (let i = 0; i + EVENT_WIDTH <= ev.length; i += EVENT_WIDTH) {
      this.applyOne(ev[i], ev[i + 1], ev[i + 2], ev[i + 3], ev[i + 4], ev[i + 5])
    }
    this.version++
  }

  private applyOne(op: number, t: number, a: number, b: number, c: number, d: number): void {
    if (t > this.lastT) this.lastT = t
    switch (op) {
      case Op.Spawn:
        while (this.gRole.length <= a) {
          this.gRole.push(0)
          this.gIndex.push(0)
          this.gSpawn.push(NaN)
          this.gExit.push(NaN)
          this.gExitHow.push(0)
          this.gOpen.push(-1)
        }
        this.gRole.data[a] = b
        this.gIndex.data[a] = c
        this.gSpawn.data[a] = t
        break
      case Op.State: {
        this.closeSegment(a, t)
        this.gOpen.data[a] = this.sG.push(a)
        this.sState.push(b)
        this.sJob.push(c)
        this.sAux.push(d)
        this.sT0.push(t)
        this.sT1.push(NaN)
        if (c >= 0 && isNaN(this.jStart[c]) && (b === State.Running || b === State.Io)) this.jStart[c] = t
        break
      }
      case Op.Exit:
        this.closeSegment(a, t)
        this.gExit.data[a] = t
        this.gExitHow.data[a] = b
        break
      case Op.JobBegin:
        this.jBegin[a] = t
        this.jHandoff[a] = t
        this.jG[a] = b
        break
      case Op.Handoff:
        this.jHandoff[a] = t
        break
      case Op.JobEnd:
        this.jEnd[a] = t
        this.jStatus[a] = c
        if (c === 0) this.jobsDone++
        break
      case Op.ChanLen:
        this.chanT.push(t)
        this.chanLen.push(a)
        this.chanCap = b
        break
      case Op.Barrier:
        this.barriers.push(t)
        break
      case Op.RunEnd:
        this.finish(a === RunStatus.Done ? 'done' : a === RunStatus.Stopped ? 'stopped' : 'failed', t)
        break
    }
  }

  private closeSegment(g: number, t: number): void {
    const s = this.gOpen.data[g]
    if (s >= 0) {
      this.sT1.data[s] = t
      this.gOpen.data[g] = -1
    }
  }

  /** Ends the run: open segments and unfinished jobs are closed at `t` (cancelled unless done). */
  finish(status: TraceStatus, t: number, error = ''): void {
    if (this.status !== 'running') return
    this.status = status
    if (error) this.error = error
    this.endT = t
    if (t > this.lastT) this.lastT = t
    for (let g = 0; g < this.gRole.length; g++) {
      this.closeSegment(g, t)
      if (isNaN(this.gExit.data[g])) {
        this.gExit.data[g] = t
        this.gExitHow.data[g] = 1
      }
    }
    for (let j = 0; j < this.jobs.length; j++) {
      if (!isNaN(this.jBegin[j]) && isNaN(this.jEnd[j])) {
        this.jEnd[j] = t
        this.jStatus[j] = 1
      }
    }
    this.version++
  }
}
