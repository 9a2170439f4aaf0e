import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const DAG_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'barrier-vs-dag': [
    { says: 'with goroutines, two phases: about 380 ms', value: 380, of: 'makespan', unit: 'ms' },
    { says: 'sequential would be about 850 ms', value: 850, of: 'makespan:sequential', unit: 'ms' },
    { says: '2.2× faster', value: 2.2, of: 'ratio:sequential/dag', unit: '×' },
  ],
  'rest-enrich': [
    { says: 'sequential: 350 ms', value: 350, of: 'makespan:sequential', unit: 'ms' },
    { says: 'with goroutines: 250 ms', value: 250, of: 'makespan', unit: 'ms' },
    { says: '29 % faster', value: 0.29, of: 'saving:sequential/dag', unit: '%', note: 'the time saved, (350 − 250) / 350; beyond the talk, both calls need only the user id: started with it (the speculative run, A) they end at 150 ms' },
  ],
}
