import { Column } from './column'
import { EVENT_WIDTH, Exit, JobStatus, NAME_NUMBER, Op, RunStatus, State, nameNumber, nameStem } from './events'
import { ResourceTrack } from './resourceTrack'
import type { Scenario } from './scenario'

export type TraceStatus = 'running' | 'done' | 'stopped' | 'failed'

/** Facts about the machine and the run that the numbers need next to them. */
export interface TraceMeta {
  threads: number
  hardwareConcurrency: number
  crossOriginIsolated: boolean
  /** calibrated cpu work rate of one thread (0 under a virtual clock) */
  itersPerMs: number
  /** wall-clock start of the run, ms since the epoch */
  startedAt: number
  /** 'theory': the ideal schedule on a virtual clock; 'measured': a real run */
  source: 'theory' | 'measured'
}

/**
 * The append-only record of one run, stored by column. Times are real ms since the run's origin;
 * divide by scenario.shared.timeScale for scenario ms. A segment is [t0, t1) of one goroutine in one
 * state; t1 is NaN while it is open. Lane = goroutine id. Jobs are indexed by their id (a program
 * may leave gaps); text lives in `strings`.
 */
export class Trace {
  readonly strings: string[] = []
  // goroutines, by id
  /** string id of its name, or of its name's stem when the name ends in a number (gNum) */
  readonly gName = new Column(Int32Array)
  /** the number its name ends in, −1 = none (see NAME_NUMBER) */
  readonly gNum = new Column(Int32Array, 64, -1)
  /** string id of its group (a pipeline stage), −1 = none */
  readonly gGroup = new Column(Int32Array)
  readonly gParent = new Column(Int32Array)
  readonly gSpawn = new Column(Float64Array, 64, NaN)
  readonly gExit = new Column(Float64Array, 64, NaN)
  /** Exit code: 0 returned, 1 cancelled (cut off), 2 panicked */
  readonly gExitHow = new Column(Int8Array)
  readonly gReason = new Column(Int32Array, 64, -1)
  private gOpen = new Column(Int32Array, 64, -1)
  // segments
  readonly sG = new Column(Int32Array)
  readonly sState = new Column(Uint8Array)
  readonly sJob = new Column(Int32Array)
  /** thread for Running and Waking, planned real ms for Io and Sleep, resource for blocked states, else −1 */
  readonly sAux = new Column(Float64Array)
  readonly sT0 = new Column(Float64Array)
  readonly sT1 = new Column(Float64Array, 64, NaN)
  // jobs, by id (NaN / −1 where a job id is not used)
  readonly jG = new Column(Int32Array, 64, -1)
  readonly jBegin = new Column(Float64Array, 64, NaN)
  /** when its cpu was posted to a thread (else = begin) */
  readonly jPost = new Column(Float64Array, 64, NaN)
  /** when its work began: a thread started computing, or its io wait began */
  readonly jStart = new Column(Float64Array, 64, NaN)
  readonly jEnd = new Column(Float64Array, 64, NaN)
  /** JobStatus, −1 = not finished */
  readonly jStatus = new Column(Int8Array, 64, -1)
  /** planned work, scenario ms */
  readonly jCpu = new Column(Float64Array)
  readonly jIo = new Column(Float64Array)
  readonly jItem = new Column(Int32Array, 64, -1)
  readonly jLabel = new Column(Int32Array, 64, -1)
  readonly jGroup = new Column(Int32Array, 64, -1)
  readonly jReason = new Column(Int32Array, 64, -1)
  // resources
  readonly resources: ResourceTrack[] = []
  // values passing through channels: Handoff (direct) and Delivered (out of the buffer) at the receive, Buffered at the send
  readonly xT = new Column(Float64Array)
  readonly xOp = new Column(Uint8Array)
  readonly xChan = new Column(Int32Array)
  readonly xFrom = new Column(Int32Array)
  readonly xTo = new Column(Int32Array)
  readonly xItem = new Column(Int32Array)
  // instants
  readonly mT = new Column(Float64Array)
  readonly mKind = new Column(Int32Array)
  readonly mG = new Column(Int32Array)
  readonly mRes = new Column(Int32Array)
  readonly mValue = new Column(Float64Array)

  status: TraceStatus = 'running'
  error = ''
  /** time of the run's end (main returned, Stop, panic or deadlock) */
  endT = NaN
  /** latest time any event carried */
  lastT = 0
  jobsBegun = 0
  jobsDone = 0
  /** jobs that ended in any way (done, failed, dropped, cancelled) */
  jobsEnded = 0
  /** bumped by every applied batch: views redraw when it changes */
  version = 0
  /**
   * A run that goes on until Stop keeps only its last `retainMs` (real ms) in detail, so memory
   * stays flat: older segments, jobs, transfers, marks and samples are dropped (0 = keep all).
   */
  retainMs = 0
  /** earliest time still held in detail (real ms); 0 unless compacted */
  base = 0
  /** job ids below this were compacted away: job columns hold id − jobBase */
  jobBase = 0

  constructor(
    readonly scenario: Scenario,
    readonly meta: TraceMeta,
  ) {}

  get goroutines(): number {
    return this.gName.length
  }

  get segments(): number {
    return this.sG.length
  }

  /** Entries in the job columns (index = job id − jobBase). */
  get jobIds(): number {
    return this.jG.length
  }

  /** The job id of job column `index`. */
  jobId(index: number): number {
    return index + this.jobBase
  }

  get timeScale(): number {
    return this.scenario.shared.timeScale
  }

  /** End of what is recorded (real ms): the run's end, or the latest event while it runs. */
  get end(): number {
    return isNaN(this.endT) ? this.lastT : this.endT
  }

  text(id: number): string {
    return id >= 0 && id < this.strings.length ? this.strings[id] : ''
  }

  goroutineName(g: number): string {
    const n = this.gNum.data[g]
    return n >= 0 ? `${this.text(this.gName.data[g])}${n}` : this.text(this.gName.data[g])
  }

  /** A goroutine's name as a Spawn event carries it (see NAME_NUMBER). */
  nameField(g: number): number {
    const n = this.gNum.data[g]
    return n >= 0 ? this.gName.data[g] + (n + 1) * NAME_NUMBER : this.gName.data[g]
  }

  groupName(g: number): string {
    return this.text(this.gGroup.data[g])
  }

  resourceByName(name: string): ResourceTrack | undefined {
    return this.resources.find((r) => r.name === name)
  }

  /** Defines string `id` (the wire's string table). */
  defineString(id: number, text: string): void {
    this.strings[id] = text
  }

  /** Applies one batch of wire events (see events.ts). */
  apply(ev: Float64Array, strings?: readonly (readonly [number, string])[]): void {
    if (strings) for (const [id, text] of strings) this.strings[id] = text
    for (let i = 0; i + EVENT_WIDTH <= ev.length; i += EVENT_WIDTH) {
      this.applyOne(ev[i], ev[i + 1], ev[i + 2], ev[i + 3], ev[i + 4], ev[i + 5])
    }
    this.version++
  }

  applyOne(op: number, t: number, a: number, b: number, c: number, d: number): void {
    if (t > this.lastT) this.lastT = t
    if (op === Op.JobBegin || op === Op.JobInfo || op === Op.CpuPost || op === Op.JobEnd) {
      a -= this.jobBase
      if (a < 0) return // a job compacted away already
    } else if (op === Op.State && c >= 0) {
      c = c - this.jobBase
      if (c < 0) c = -1
    }
    switch (op) {
      case Op.Spawn:
        this.ensureGoroutine(a)
        this.gName.data[a] = nameStem(b)
        this.gNum.data[a] = nameNumber(b)
        this.gGroup.data[a] = c
        this.gParent.data[a] = d
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
        if (c >= 0 && (b === State.Running || b === State.Io)) {
          this.ensureJob(c)
          if (isNaN(this.jStart.data[c])) this.jStart.data[c] = t
        }
        break
      }
      case Op.Exit:
        this.closeSegment(a, t)
        this.gExit.data[a] = t
        this.gExitHow.data[a] = b
        this.gReason.data[a] = c
        break
      case Op.JobBegin:
        this.ensureJob(a)
        this.jBegin.data[a] = t
        this.jPost.data[a] = t
        this.jG.data[a] = b
        this.jCpu.data[a] = c
        this.jIo.data[a] = d
        this.jobsBegun++
        break
      case Op.JobInfo:
        this.ensureJob(a)
        this.jItem.data[a] = b
        this.jLabel.data[a] = c
        this.jGroup.data[a] = d
        break
      case Op.CpuPost:
        this.ensureJob(a)
        this.jPost.data[a] = t
        break
      case Op.JobEnd:
        this.ensureJob(a)
        this.jEnd.data[a] = t
        this.jStatus.data[a] = c
        this.jReason.data[a] = d
        this.jobsEnded++
        if (c === JobStatus.Done) this.jobsDone++
        break
      case Op.Resource:
        this.resources[a] = new ResourceTrack(a, b, this.text(c), d)
        break
      case Op.Sample: {
        const r = this.resources[a]
        if (!r) break
        r.t.push(t)
        r.value.push(b)
        r.waitA.push(c)
        r.waitB.push(d)
        break
      }
      case Op.Buffered:
        this.transfer(t, op, a, b, -1, c)
        break
      case Op.Handoff:
      case Op.Delivered:
        this.transfer(t, op, a, b, c, d)
        break
      case Op.Mark:
        this.mT.push(t)
        this.mKind.push(a)
        this.mG.push(b)
        this.mRes.push(c)
        this.mValue.push(d)
        break
      case Op.RunEnd:
        this.finish(a === RunStatus.Done ? 'done' : a === RunStatus.Stopped ? 'stopped' : 'failed', t, this.text(b))
        break
    }
  }

  private transfer(t: number, op: number, ch: number, from: number, to: number, item: number): void {
    this.xT.push(t)
    this.xOp.push(op)
    this.xChan.push(ch)
    this.xFrom.push(from)
    this.xTo.push(to)
    this.xItem.push(item)
  }

  private ensureGoroutine(g: number): void {
    for (const c of [this.gName, this.gNum, this.gGroup, this.gParent, this.gSpawn, this.gExit, this.gExitHow, this.gReason, this.gOpen]) c.ensure(g)
  }

  private ensureJob(j: number): void {
    if (j < this.jG.length) return
    for (const c of [this.jG, this.jBegin, this.jPost, this.jStart, this.jEnd, this.jStatus, this.jCpu, this.jIo, this.jItem, this.jLabel, this.jGroup, this.jReason]) c.ensure(j)
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
    for (let g = 0; g < this.goroutines; g++) {
      this.closeSegment(g, t)
      if (isNaN(this.gExit.data[g])) {
        this.gExit.data[g] = t
        this.gExitHow.data[g] = Exit.Cancelled
      }
    }
    for (let j = 0; j < this.jobIds; j++) {
      if (!isNaN(this.jBegin.data[j]) && isNaN(this.jEnd.data[j])) {
        this.jEnd.data[j] = t
        this.jStatus.data[j] = JobStatus.Cancelled
        this.jobsEnded++
      }
    }
    this.version++
  }

  /**
   * Drops detail older than `cutoff` (real ms): closed segments that ended before it, the leading
   * jobs that had ended by then, transfers and marks before it, and resource samples before it
   * (the last one before it is kept as the starting value). Counters such as jobsDone stay whole.
   */
  compact(cutoff: number): void {
    if (cutoff <= this.base) return
    // jobs: a prefix of the job columns, up to the first one still in progress
    let k = 0
    while (k < this.jG.length && (isNaN(this.jBegin.data[k]) || this.jEnd.data[k] < cutoff)) k++
    if (k > 0) {
      for (const c of [this.jG, this.jBegin, this.jPost, this.jStart, this.jEnd, this.jStatus, this.jCpu, this.jIo, this.jItem, this.jLabel, this.jGroup, this.jReason]) c.shift(k)
      this.jobBase += k
    }
    // segments: keep open ones and those that reach the cutoff
    const map = this.sT1.compact((i) => isNaN(this.sT1.data[i]) || this.sT1.data[i] >= cutoff)
    for (const c of [this.sG, this.sState, this.sJob, this.sAux, this.sT0]) c.remap(map)
    for (let s = 0; s < this.sJob.length; s++) {
      const j = this.sJob.data[s]
      if (j >= 0) this.sJob.data[s] = j - k >= 0 ? j - k : -1
    }
    for (let g = 0; g < this.gOpen.length; g++) {
      const seg = this.gOpen.data[g]
      if (seg >= 0) this.gOpen.data[g] = map[seg]
    }
    const xm = this.xT.compact((i) => this.xT.data[i] >= cutoff)
    for (const c of [this.xOp, this.xChan, this.xFrom, this.xTo, this.xItem]) c.remap(xm)
    const mm = this.mT.compact((i) => this.mT.data[i] >= cutoff)
    for (const c of [this.mKind, this.mG, this.mRes, this.mValue]) c.remap(mm)
    for (const r of this.resources) {
      if (!r) continue
      const first = Math.max(0, r.at(cutoff))
      const rm = r.t.compact((i) => i >= first)
      for (const c of [r.value, r.waitA, r.waitB]) c.remap(rm)
    }
    this.base = cutoff
    this.version++
  }

  /** Sum of all jobs' planned work (cpu + io), scenario ms: what one goroutine doing everything would take. */
  plannedWork(): number {
    let sum = 0
    for (let j = 0; j < this.jobIds; j++) if (!isNaN(this.jBegin.data[j])) sum += this.jCpu.data[j] + this.jIo.data[j]
    return sum
  }
}
