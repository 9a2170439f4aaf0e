import { State } from './events'
import { peakOverlap, quantile } from './stats'
import type { Trace } from './trace'

/** What the metrics panel shows. Makespans in scenario ms; overheads in real ms. */
export interface Metrics {
  status: Trace['status']
  jobsDone: number
  jobsTotal: number
  /** measured makespan (end of run), scenario ms; NaN while running */
  makespan: number
  theory: number
  /** measured / theory */
  ratio: number
  /** Σd / measured */
  speedup: number
  peakGoroutines: number
  totalGoroutines: number
  /** most jobs in progress at once */
  peakConcurrency: number
  /** jobs per scenario second */
  throughput: number
  /** job start − handoff (thread began computing − posted; timer armed − job handed out), real ms */
  overheadMedian: number
  overheadP95: number
  /** io waits: actual − planned, real ms */
  latenessMedian: number
  latenessP95: number
  threads: number
  hardwareConcurrency: number
}

export function computeMetrics(tr: Trace): Metrics {
  const scale = tr.scenario.timeScale
  const makespan = tr.status === 'done' ? tr.endT / scale : NaN
  const theory = tr.theory.makespan
  const overhead: number[] = []
  for (let j = 0; j < tr.jobs.length; j++) overhead.push(tr.jStart[j] - tr.jHandoff[j])
  const lateness: number[] = []
  for (let s = 0; s < tr.segments; s++) {
    if (tr.sState.data[s] === State.Io && !isNaN(tr.sT1.data[s]) && tr.jStatus[tr.sJob.data[s]] === 0) {
      lateness.push(tr.sT1.data[s] - tr.sT0.data[s] - tr.sAux.data[s])
    }
  }
  const elapsed = (isNaN(tr.endT) ? tr.lastT : tr.endT) / scale
  return {
    status: tr.status,
    jobsDone: tr.jobsDone,
    jobsTotal: tr.jobs.length,
    makespan,
    theory,
    ratio: theory > 0 ? makespan / theory : NaN,
    speedup: makespan > 0 ? tr.theory.sequential / makespan : NaN,
    peakGoroutines: peakOverlap(tr.gSpawn.data.subarray(0, tr.goroutines), tr.gExit.data.subarray(0, tr.goroutines)),
    totalGoroutines: tr.goroutines,
    peakConcurrency: peakOverlap(tr.jBegin, tr.jEnd),
    throughput: elapsed > 0 ? (tr.jobsDone / elapsed) * 1000 : NaN,
    overheadMedian: quantile(overhead, 0.5),
    overheadP95: quantile(overhead, 0.95),
    latenessMedian: quantile(lateness, 0.5),
    latenessP95: quantile(lateness, 0.95),
    threads: tr.meta.threads,
    hardwareConcurrency: tr.meta.hardwareConcurrency,
  }
}
