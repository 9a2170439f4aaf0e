import { createRng } from './rng'
import type { SharedValues } from './shared'

/**
 * One item of work, in scenario ms: a cpu segment (holds a thread) followed by an io segment
 * (holds none). `id` is chosen by the program and unique within a run (the theory and the measured
 * run of a scenario give each job the same id).
 */
export interface Job {
  id: number
  cpu: number
  io: number
  /** the value it works on (a pipeline item passes several stages: one job per stage) */
  item?: number
  /** shown on the bar instead of the job number ("Fetch CI", "parse") */
  label?: string
  /** what kind of work (a stage's name): jobs of a group are counted together */
  group?: string
  /** the job ends as dropped with this reason (an invalid record): the program does not pass it on */
  drop?: string
}

/** Duration of item i (0-based), scenario ms, before it is split into cpu and io. */
export function jobDurations(s: SharedValues): number[] {
  const rng = createRng(s.seed)
  const out: number[] = []
  for (let i = 0; i < s.n; i++) {
    let d = s.d
    if (s.variation === 'uniform') d = s.d * rng.uniform(1 - s.jitter / 100, 1 + s.jitter / 100)
    else if (s.variation === 'straggler' && i === 0) d = s.straggler
    else if (s.variation === 'everyk' && i % s.every === 0) d = s.slow
    out.push(Math.max(0, d))
  }
  return out
}

/** Splits a duration into cpu and io by the job kind (mixed: `cpuShare` % first on a thread, the rest io). */
export function splitWork(d: number, s: Pick<SharedValues, 'kind' | 'cpuShare'>): { cpu: number; io: number } {
  if (s.kind === 'io') return { cpu: 0, io: d }
  if (s.kind === 'cpu') return { cpu: d, io: 0 }
  const cpu = (d * s.cpuShare) / 100
  return { cpu, io: d - cpu }
}

/** The shared workload: N items with their durations, ids 0…N−1. */
export function makeJobs(s: SharedValues): Job[] {
  return jobDurations(s).map((d, id) => {
    // an object literal of fixed shape: a spread adds its fields one by one, into a separate store
    const { cpu, io } = splitWork(d, s)
    return { id, cpu, io }
  })
}
