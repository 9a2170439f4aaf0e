import type { ListItem } from '../../core/params'
import type { Preset } from '../../core/scenario'

/** The log pipeline of the notes at ×20 (0.1/0.5/0.2/0.3/2 ms → 2/10/4/6/40 ms), with workers per stage. */
export function logStages(workers: readonly number[], buffer = 100): ListItem[] {
  const names = ['Read', 'Parse', 'Validate', 'Transform', 'Write']
  const ms = [2, 10, 4, 6, 40]
  return names.map((name, k) => ({ name, workers: workers[k], ms: ms[k], buffer, kind: 'io', drop: 0 }))
}

const ORDERS = (pay: number): ListItem[] => [
  { name: 'Validate', workers: 10, ms: 10, buffer: 100, kind: 'io', drop: 0 },
  { name: 'Pay', workers: pay, ms: 50, buffer: 100, kind: 'io', drop: 0 },
  { name: 'Fulfil', workers: 15, ms: 30, buffer: 100, kind: 'io', drop: 0 },
]

/** SCENARIOS.md §11 rows 9 and 18, §5.7, §5.8, §5.11. Numbers in scenario ms. */
export const PIPELINE_PRESETS: readonly Preset[] = [
  {
    id: 'pipeline-bottleneck',
    title: 'Log pipeline ×20: Write is the bottleneck (4,024 ms)',
    lesson: '200 logs through Read→Parse→Validate→Transform→Write: 2 writers of 40 ms pass 50 items/s whatever the other stages do; more writers move the bottleneck to Parse.',
    pattern: 'pipeline',
    shared: { n: 200 },
    params: { stages: logStages([1, 4, 4, 4, 2]), mode: 'pipeline' },
    compare: [
      { pattern: 'pipeline', label: 'writers 4', params: { stages: logStages([1, 4, 4, 4, 4]) } },
      { pattern: 'pipeline', label: 'writers 8', params: { stages: logStages([1, 4, 4, 4, 8]) } },
      { pattern: 'pipeline', label: 'writers 16', params: { stages: logStages([1, 4, 4, 4, 16]) } },
      { pattern: 'pipeline', label: 'all 1', params: { stages: logStages([1, 1, 1, 1, 1]) } },
      { pattern: 'pipeline', label: 'sequential', params: { stages: logStages([1, 4, 4, 4, 2]), mode: 'sequential' } },
    ],
    expect: { makespan: 4024, 'makespan:writers 4': 2028, 'makespan:writers 8': 1038, 'makespan:writers 16': 558, 'makespan:all 1': 8022, 'makespan:sequential': 12_400 },
    rank: 9,
  },
  {
    id: 'multistage-orders',
    title: '1,000 orders: validate → pay → fulfil (2,570 ms)',
    lesson: 'payments pass 20 / 50 ms = 400 orders/s, the slowest stage: 2,570 ms; 40 payment workers move the bottleneck to fulfilment (500/s): 2,070 ms.',
    pattern: 'pipeline',
    shared: { n: 1000 },
    params: { stages: ORDERS(20), mode: 'pipeline' },
    compare: [{ pattern: 'pipeline', label: 'pay 40', params: { stages: ORDERS(40) } }],
    expect: { makespan: 2570, 'makespan:pay 40': 2070 },
    rank: 18,
  },
  {
    id: 'pipeline-early-exit-deadlock',
    title: 'Trap: the consumer stops early on unbuffered stages',
    lesson: 'main takes 5 results, then waits for the stages: they are blocked sending to a channel nobody reads, so every goroutine sleeps: Go’s “all goroutines are asleep - deadlock!”.',
    pattern: 'pipeline',
    shared: { n: 40 },
    params: {
      stages: [
        { name: 'Parse', workers: 2, ms: 10, buffer: 0, kind: 'io', drop: 0 },
        { name: 'Write', workers: 1, ms: 20, buffer: 0, kind: 'io', drop: 0 },
      ],
      take: 5,
    },
    expect: { deadlock: 1 },
    rank: 9.1,
  },
]
