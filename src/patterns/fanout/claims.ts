import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const FANOUT_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'fanout-fanin-dashboard': [
    { says: 'sequential: 200 + 300 + 150 = 650 ms', value: 650, of: 'makespan:sequential', unit: 'ms' },
    { says: 'parallel: max(200, 300, 150) = 300 ms', value: 300, of: 'makespan', unit: 'ms' },
    { says: '2.2× faster', value: 2.2, of: 'ratio:sequential/fanout', unit: '×' },
  ],
  'fanout-microservices': [
    { says: 'in turn: 570 ms', value: 570, of: 'makespan:sequential', unit: 'ms' },
    { says: 'at once: 200 ms', value: 200, of: 'makespan', unit: 'ms' },
    { says: '2.85× faster', value: 2.85, of: 'ratio:sequential/fanout', unit: '×' },
  ],
  'fanout-1000-tasks': [
    { says: '1000 × 100 ms = 100 seconds', value: 100_000, of: 'makespan:sequential', unit: 'ms' },
    { says: '1000 ÷ 100 × 100 ms = 1 second', value: 1000, of: 'makespan', unit: 'ms' },
    { says: '100× faster', value: 100, of: 'ratio:sequential/fanout', unit: '×' },
  ],
}
