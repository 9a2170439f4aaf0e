import { createRng } from './rng'
import type { Scenario } from './scenario'

/** One item of work, in scenario ms: a cpu segment (holds a thread) followed by an io segment (holds none). */
export interface Job {
  id: number
  cpu: number
  io: number
}

/** Duration of item i (0-based), scenario ms, before it is split into cpu and io. */
export function jobDurations(s: Scenario): number[] {
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

export function makeJobs(s: Scenario): Job[] {
  return jobDurations(s).map((d, id) => {
    if (s.kind === 'io') return { id, cpu: 0, io: d }
    if (s.kind === 'cpu') return { id, cpu: d, io: 0 }
    const cpu = (d * s.cpuShare) / 100
    return { id, cpu, io: d - cpu }
  })
}
