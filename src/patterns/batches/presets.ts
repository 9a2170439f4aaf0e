import type { Preset } from '../../core/scenario'

/** SCENARIOS.md §11 rows 3 and 4, §4.14: batch-and-wait against a true pool. Numbers in scenario ms. */
export const BATCH_PRESETS: readonly Preset[] = [
  {
    id: 'batch-vs-pool-stragglers',
    title: 'One straggler: batches 950 ms vs pool 550 ms',
    lesson: 'item 1 takes 500 ms: its batch waits for it, while the pool’s other workers keep taking jobs.',
    pattern: 'batches',
    shared: { n: 100, d: 50, variation: 'straggler', straggler: 500 },
    params: { batch: 10 },
    compare: [{ pattern: 'pool', params: { pool: 10 } }],
    expect: { makespan: 950, 'makespan:pool': 550 },
    rank: 3,
  },
  {
    id: 'batch-vs-pool-jitter',
    title: 'Jitter U(25, 75) ms: batches wait for each batch’s slowest',
    lesson: 'every job varies a little; every batch lasts as long as its slowest job, the pool does not wait.',
    pattern: 'batches',
    shared: { n: 100, d: 50, variation: 'uniform', jitter: 50 },
    params: { batch: 10 },
    compare: [{ pattern: 'pool', params: { pool: 10 } }],
    rank: 3.1,
  },
  {
    id: 'batch-vs-pool-every10th',
    title: 'Every 10th item 150 ms: batches 1,500 ms vs pool 650 ms',
    lesson: 'one slow item in every batch: each batch takes 150 ms, while the pool spreads the slow items out.',
    pattern: 'batches',
    shared: { n: 100, d: 50, variation: 'everyk', every: 10, slow: 150 },
    params: { batch: 10 },
    compare: [{ pattern: 'pool', params: { pool: 10 } }],
    expect: { makespan: 1500, 'makespan:pool': 650 },
    rank: 3.2,
  },
  {
    id: 'deploy-50-clusters',
    title: 'Deploy 50 clusters × 2 s, 10 at a time (played ×10 faster)',
    lesson: 'the talk’s production case: 100 s one by one, 10 s in batches of 10 (the slide calls it a worker pool).',
    pattern: 'batches',
    shared: { n: 50, d: 2000, timeScale: 0.1 },
    params: { batch: 10 },
    compare: [{ pattern: 'sequential' }, { pattern: 'pool', params: { pool: 10 } }],
    expect: { makespan: 10_000, 'makespan:sequential': 100_000, 'makespan:pool': 10_000 },
    rank: 4,
  },
]
