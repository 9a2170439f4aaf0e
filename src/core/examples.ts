import type { Scenario } from './scenario'

/**
 * Starting points taken from the talk (see SCENARIOS.md §11 rows 1 and 3, §4.14): each sets the
 * settings it names and keeps the others. The expected results are not written here: the theory
 * computes them, and the unit tests check them against the talk's numbers.
 */
export interface Example {
  id: string
  title: string
  settings: Partial<Scenario>
}

const base: Partial<Scenario> = { variation: 'none', kind: 'io', timeScale: 1 }

export const EXAMPLES: Example[] = [
  { id: 'opener', title: 'Opener: 100 items × 50 ms, P = B = 10', settings: { ...base, n: 100, d: 50, pool: 10, batch: 10, buffer: 10 } },
  { id: 'tiny', title: 'Tiny opener: 5 items × 100 ms, P = B = 3', settings: { ...base, n: 5, d: 100, pool: 3, batch: 3, buffer: 3 } },
  { id: 'straggler', title: 'One straggler: item 1 takes 500 ms', settings: { ...base, n: 100, d: 50, pool: 10, batch: 10, variation: 'straggler', straggler: 500 } },
  { id: 'jitter', title: 'Jitter: every job U(25, 75) ms', settings: { ...base, n: 100, d: 50, pool: 10, batch: 10, variation: 'uniform', jitter: 50 } },
  { id: 'every10', title: 'Every 10th item takes 150 ms', settings: { ...base, n: 100, d: 50, pool: 10, batch: 10, variation: 'everyk', every: 10, slow: 150 } },
  { id: 'deploy', title: 'Deploy 50 clusters × 2 s, 10 at a time (played ×10 faster)', settings: { ...base, n: 50, d: 2000, pool: 10, batch: 10, timeScale: 0.1 } },
  { id: 'cores', title: 'CPU-bound: 8 × 100 ms on 2 threads', settings: { ...base, n: 8, d: 100, kind: 'cpu', pool: 8, batch: 8, threads: 2 } },
]
