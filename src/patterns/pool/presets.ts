import type { Preset } from '../../core/scenario'

/** SCENARIOS.md §11 row 1 (and §4.1–4.3, §9 cpu-bound). Numbers in scenario ms. */
export const POOL_PRESETS: readonly Preset[] = [
  {
    id: 'opener-seq-unbounded-pool',
    title: 'Opener: 100 items × 50 ms: sequential, unbounded, batches, pool',
    lesson: 'one item at a time takes 5 s; a goroutine per item 50 ms; ten at a time 500 ms, as batches or as a pool.',
    pattern: 'pool',
    shared: { n: 100, d: 50 },
    params: { pool: 10, buffer: 10 },
    compare: [{ pattern: 'sequential' }, { pattern: 'unbounded' }, { pattern: 'batches', params: { batch: 10 } }],
    expect: { makespan: 500, 'makespan:sequential': 5000, 'makespan:unbounded': 50, 'makespan:batches': 500 },
    rank: 1,
  },
  {
    id: 'opener-tiny',
    title: 'Tiny opener: 5 items × 100 ms, three at a time',
    lesson: 'the slide’s first diagram: 500 ms one by one, 100 ms all at once, 200 ms three at a time.',
    pattern: 'pool',
    shared: { n: 5, d: 100 },
    params: { pool: 3, buffer: 3 },
    compare: [{ pattern: 'sequential' }, { pattern: 'unbounded' }, { pattern: 'batches', params: { batch: 3 } }],
    expect: { makespan: 200, 'makespan:sequential': 500, 'makespan:unbounded': 100, 'makespan:batches': 200 },
    rank: 1.1,
  },
  {
    id: 'cpu-bound-cores',
    title: 'CPU-bound: 8 × 100 ms on 2 threads',
    lesson: 'cpu work needs a thread: 8 workers on 2 threads take as long as 2 workers (CPU-bound = numCPU).',
    pattern: 'pool',
    shared: { n: 8, d: 100, kind: 'cpu', threads: 2 },
    params: { pool: 8, buffer: 8 },
    compare: [{ pattern: 'pool', params: { pool: 2, buffer: 8 } }],
    expect: { makespan: 400 },
    rank: 19,
  },
]
