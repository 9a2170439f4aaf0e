import type { Preset } from '../../core/scenario'

/** SCENARIOS.md §11 row 2, §4.4, §5.21 and §5.9. Numbers in scenario ms. */
export const FANOUT_PRESETS: readonly Preset[] = [
  {
    id: 'fanout-fanin-dashboard',
    title: 'Dashboard: CI 200 · CD 300 · User 150 ms, fanned out',
    lesson: 'one after another takes 650 ms; fanned out, the slowest call decides: 300 ms (the slide’s “2.2x” is 2.17×).',
    pattern: 'fanout',
    params: { source: 'tasks', mode: 'parallel', workers: 0 },
    compare: [{ pattern: 'fanout', label: 'sequential', params: { mode: 'sequential' } }],
    expect: { makespan: 300, 'makespan:sequential': 650 },
    rank: 2,
  },
  {
    id: 'fanout-microservices',
    title: 'Four services: Auth 100 · User 150 · Payment 200 · Inventory 120 ms',
    lesson: '570 ms in turn, 200 ms at once: 2.85× faster, bounded by the slowest service.',
    pattern: 'fanout',
    params: {
      source: 'tasks',
      mode: 'parallel',
      tasks: [
        { name: 'Auth', ms: 100 },
        { name: 'User', ms: 150 },
        { name: 'Payment', ms: 200 },
        { name: 'Inventory', ms: 120 },
      ],
    },
    compare: [{ pattern: 'fanout', label: 'sequential', params: { mode: 'sequential', tasks: [{ name: 'Auth', ms: 100 }, { name: 'User', ms: 150 }, { name: 'Payment', ms: 200 }, { name: 'Inventory', ms: 120 }] } }],
    expect: { makespan: 200, 'makespan:sequential': 570 },
    rank: 2.1,
  },
  {
    id: 'fanout-1000-tasks',
    // played ×2: with 100 goroutines waking at once, jobs under ~50 ms real show the scheduler's own
    // cost per step (about 15 µs each) in the ratio; see BENCHMARKS.md
    title: '1,000 tasks × 100 ms over 100 workers (played ×2 faster)',
    lesson: '1,000 × 100 ms is 100 s in turn; 100 workers take 1 s: 100× faster, as many workers as the speed-up.',
    pattern: 'fanout',
    shared: { n: 1000, d: 100, timeScale: 0.5 },
    params: { source: 'items', mode: 'parallel', workers: 100 },
    compare: [{ pattern: 'fanout', label: 'sequential', params: { source: 'items', mode: 'sequential' } }],
    expect: { makespan: 1000, 'makespan:sequential': 100_000 },
    rank: 2.2,
  },
]
