import { JobStatus, State } from './events'
import { peakOverlap, quantiles } from './stats'
import type { Scenario } from './scenario'
import type { Trace } from './trace'

/** What the metrics panel shows. Makespans in scenario ms; overheads in real ms. NaN = does not apply. */
export interface Metrics {
  status: Trace['status']
  jobsDone: number
  /** jobs the ideal schedule runs (NaN without a theory, or for a run with no fixed end) */
  jobsPlanned: number
  /** measured makespan (end of a completed run), scenario ms; NaN otherwise */
  makespan: number
  /** scenario ms recorded so far (the run's end once it has ended; the moment shown in a replay) */
  elapsed: number
  /**
   * Scenario ms of the moment of a replay these numbers are of (NaN: the whole trace). They are
   * what the run showed at that moment: jobs done by then, peaks so far, no makespan yet.
   */
  replayAt: number
  theory: number
  /** measured / theory */
  ratio: number
  /** Σ planned work / measured: how much faster than one goroutine doing everything */
  speedup: number
  peakGoroutines: number
  totalGoroutines: number
  /** most jobs in progress at once */
  peakConcurrency: number
  /** jobs done per scenario second */
  throughput: number
  /**
   * Whether the run has cpu jobs / io waits, or will have (see expectedWork). Their cards are
   * shown from the start of such a run, so that none appears mid-run and moves the rest.
   */
  hasCpu: boolean
  hasIo: boolean
  /** cpu jobs only: thread began computing − segment posted to it, real ms */
  overheadMedian: number
  overheadP95: number
  /** cpu jobs only: goroutine resumed − thread finished, real ms */
  resumeMedian: number
  /** io waits: actual − planned, real ms */
  latenessMedian: number
  latenessP95: number
  /** jobs that failed or were dropped (with a reason) */
  jobsFailed: number
  threads: number
  hardwareConcurrency: number
}

/** expectedWork of each theory trace, read once */
const planned = new WeakMap<Trace, { cpu: boolean; io: boolean }>()

/**
 * What a run will have: cpu jobs, io waits. Its ideal schedule says (a theory trace is handed out
 * whole, and never changes after: done, stopped at a continuous run's horizon, or deadlocked);
 * without one yet, the scenario's kind of work.
 */
export function expectedWork(scenario: Scenario, theory: Trace | null): { cpu: boolean; io: boolean } {
  if (!theory || theory.status === 'running') return { cpu: scenario.shared.kind !== 'io', io: scenario.shared.kind !== 'cpu' }
  let kinds = planned.get(theory)
  if (!kinds) {
    kinds = { cpu: false, io: false }
    for (let j = 0; j < theory.jobIds; j++) {
      if (theory.jCpu.data[j] > 0) kinds.cpu = true
      if (theory.jIo.data[j] > 0) kinds.io = true
    }
    planned.set(theory, kinds)
  }
  return kinds
}

/**
 * The numbers of a trace: of all of it, or (`at`, real ms since the run's origin, before its end)
 * as they stood at that moment of a finished run, for a replay. A run that keeps only a window of
 * detail (continuous) is always counted whole: its early jobs are gone from the trace.
 */
export function computeMetrics(tr: Trace, theory: Trace | null = null, at = Infinity): Metrics {
  const scale = tr.timeScale
  const cut = tr.status !== 'running' && tr.retainMs === 0 && at < tr.end ? Math.max(0, at) : Infinity
  const whole = cut === Infinity
  const makespan = tr.status === 'done' && whole ? tr.endT / scale : NaN
  const theoryMs = theory && theory.status === 'done' ? theory.endT / theory.timeScale : NaN
  const overhead: number[] = []
  let failed = 0
  let done = 0
  for (let j = 0; j < tr.jobIds; j++) {
    const begin = tr.jBegin.data[j]
    if (isNaN(begin) || begin > cut) continue
    // a cpu job not yet begun on its thread (NaN) is left out by quantiles, and by the cut
    if (tr.jCpu.data[j] > 0 && (whole || tr.jStart.data[j] <= cut)) overhead.push(tr.jStart.data[j] - tr.jPost.data[j])
    const status = tr.jStatus.data[j]
    if (tr.jEnd.data[j] <= cut) {
      if (status >= 2) failed++
      else if (status === JobStatus.Done) done++
    }
  }
  const lateness: number[] = []
  const resume: number[] = []
  for (let s = 0; s < tr.segments; s++) {
    const state = tr.sState.data[s]
    const t1 = tr.sT1.data[s]
    if (isNaN(t1) || t1 > cut) continue
    // a cancelled job's wait was cut short: not a timer's lateness (a dropped job's ran its course)
    if (state === State.Io && tr.jStatus.data[tr.sJob.data[s]] !== JobStatus.Cancelled) lateness.push(t1 - tr.sT0.data[s] - tr.sAux.data[s])
    else if (state === State.Waking) resume.push(t1 - tr.sT0.data[s])
  }
  const elapsed = Math.min(tr.end, cut) / scale
  const jobsDone = whole ? tr.jobsDone : done
  const work = theory ? theory.plannedWork() : tr.plannedWork()
  const overheadQ = quantiles(overhead, [0.5, 0.95])
  const latenessQ = quantiles(lateness, [0.5, 0.95])
  const kinds = expectedWork(tr.scenario, theory)
  const spawns = tr.gSpawn.data.subarray(0, tr.goroutines)
  let spawned = tr.goroutines
  if (!whole) {
    spawned = 0
    for (let g = 0; g < spawns.length; g++) if (spawns[g] <= cut) spawned++
  }
  return {
    status: tr.status,
    jobsDone,
    jobsPlanned: theory && theory.status === 'done' ? theory.jobsBegun : NaN,
    makespan,
    elapsed,
    replayAt: whole ? NaN : elapsed,
    theory: theoryMs,
    ratio: theoryMs > 0 ? makespan / theoryMs : NaN,
    speedup: makespan > 0 ? work / makespan : NaN,
    peakGoroutines: peakOverlap(spawns, tr.gExit.data.subarray(0, tr.goroutines), cut),
    totalGoroutines: spawned,
    peakConcurrency: peakOverlap(tr.jBegin.data.subarray(0, tr.jobIds), tr.jEnd.data.subarray(0, tr.jobIds), cut),
    throughput: elapsed > 0 ? (jobsDone / elapsed) * 1000 : NaN,
    hasCpu: overhead.length > 0 || kinds.cpu,
    hasIo: lateness.length > 0 || kinds.io,
    overheadMedian: overheadQ[0],
    overheadP95: overheadQ[1],
    resumeMedian: quantiles(resume, [0.5])[0],
    latenessMedian: latenessQ[0],
    latenessP95: latenessQ[1],
    jobsFailed: failed,
    threads: tr.meta.threads,
    hardwareConcurrency: tr.meta.hardwareConcurrency,
  }
}
