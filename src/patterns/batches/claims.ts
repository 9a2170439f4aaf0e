import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const BATCH_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'batch-vs-pool-stragglers': [
    { says: 'batches of 10 take as long as a worker pool of 10', value: 1, of: 'ratio:batches/pool', unit: '×', note: 'the slides draw batch-and-wait and call it a worker pool; with one slow item the whole batch waits' },
  ],
  'deploy-50-clusters': [
    { says: 'one cluster after another: 100 s (1 m 40 s)', value: 100_000, of: 'makespan:sequential', unit: 'ms' },
    { says: '“worker pool, batch = 10”: 10 s', value: 10_000, of: 'makespan', unit: 'ms', note: 'batch-and-wait: a single slow cluster would hold its whole batch; a pool of 10 would not' },
    { says: '10× faster', value: 10, of: 'ratio:sequential/batches', unit: '×' },
  ],
}
