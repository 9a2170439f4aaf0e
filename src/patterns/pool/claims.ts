import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const POOL_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'opener-seq-unbounded-pool': [
    { says: 'one item after another takes 5,000 ms', value: 5000, of: 'makespan:sequential', unit: 'ms' },
    { says: 'unlimited goroutines take 50 ms', value: 50, of: 'makespan:unbounded', unit: 'ms' },
    { says: 'the “worker pool (batch = 10)” takes 500 ms', value: 500, of: 'makespan:batches', unit: 'ms', note: 'what the slide draws is batch-and-wait; a real pool of 10 takes the same 500 ms only because every item takes the same time' },
    { says: 'it controls the goroutines: 10 instead of 100', rhetorical: true, note: 'true at any moment (peak 10), but batch-and-wait spawns 100 in all; a pool has 10 long-lived ones' },
    { says: 'unlimited goroutines use a lot of memory', rhetorical: true, note: '100 goroutines are a few hundred KB in Go: a claim, not measured here' },
  ],
  'opener-tiny': [
    { says: 'sequential: 500 ms', value: 500, of: 'makespan:sequential', unit: 'ms' },
    { says: 'unlimited goroutines: 100 ms', value: 100, of: 'makespan:unbounded', unit: 'ms' },
    { says: 'two batches of 3: 200 ms', value: 200, of: 'makespan:batches', unit: 'ms' },
    { says: 'too many goroutines crash the program', rhetorical: true, note: 'a thousand goroutines cost a few MB in Go; what breaks is a downstream resource (a connection pool, a rate limit)' },
  ],
  'cpu-bound-cores': [{ says: 'size a pool for CPU-bound work to the number of CPUs', note: 'on 2 threads, 8 workers take as long as 2' }],
}
