import type { Preset } from '../../core/scenario'

const REST = [
  { name: 'User (DB)', ms: 100, phase: 1, after: '' },
  { name: 'Profile', ms: 150, phase: 2, after: 'User (DB)' },
  { name: 'Posts', ms: 100, phase: 2, after: 'User (DB)' },
]

/** SCENARIOS.md §11 row 15, §5.22 and §5.4. Numbers in scenario ms. */
export const DAG_PRESETS: readonly Preset[] = [
  {
    id: 'barrier-vs-dag',
    title: 'Order processor: two phases 350 ms (the notes print ~380)',
    lesson: 'Auth, User, Inventory, then Payment and Shipping: 750 ms one by one (printed “~850”), 350 ms in two phases (printed “~380”), 330 ms as a graph.',
    pattern: 'dag',
    params: { mode: 'phases' },
    compare: [
      { pattern: 'dag', label: 'sequential', params: { mode: 'sequential' } },
      { pattern: 'dag', label: 'graph', params: { mode: 'dag' } },
    ],
    expect: { makespan: 350, 'makespan:sequential': 750, 'makespan:graph': 330 },
    rank: 15,
  },
  {
    id: 'rest-enrich',
    title: 'REST handler: user, then profile ∥ posts: 250 ms',
    lesson: 'fetch the user, then profile and posts at once: 350 ms → 250 ms (29 % faster); both only need the user id, so started with it: 150 ms.',
    pattern: 'dag',
    params: { mode: 'phases', tasks: REST },
    compare: [
      { pattern: 'dag', label: 'sequential', params: { mode: 'sequential', tasks: REST } },
      { pattern: 'dag', label: 'speculative', params: { mode: 'dag', tasks: REST.map((t) => ({ ...t, after: '' })) } },
    ],
    expect: { makespan: 250, 'makespan:sequential': 350, 'makespan:speculative': 150 },
    rank: 15.1,
  },
]
