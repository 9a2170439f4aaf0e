import type { Preset } from '../../core/scenario'

const BURSTY = { produce: 10, hiccup: 100, hiccupEvery: 10, consume: 20, consumers: 1, continuous: false }

/** SCENARIOS.md §11 row 10, §6.1, §6.3. Numbers in scenario ms. */
export const PRODCONS_PRESETS: readonly Preset[] = [
  {
    id: 'bursty-buffer-backpressure',
    title: 'Bursty producer: buffer 0 / 1 / 2 / 5 → 2,820 / 2,640 / 2,460 / 2,100 ms',
    lesson: 'the producer makes an item every 10 ms but stalls 100 ms every 10th; a buffer of 5 absorbs the stalls and the 20 ms consumer never waits.',
    pattern: 'prodcons',
    shared: { n: 100 },
    params: { ...BURSTY, buffer: 0 },
    compare: [
      { pattern: 'prodcons', label: 'buffer 1', params: { ...BURSTY, buffer: 1 } },
      { pattern: 'prodcons', label: 'buffer 2', params: { ...BURSTY, buffer: 2 } },
      { pattern: 'prodcons', label: 'buffer 5', params: { ...BURSTY, buffer: 5 } },
      { pattern: 'prodcons', label: 'buffer 100', params: { ...BURSTY, buffer: 100 } },
    ],
    expect: { makespan: 2820, 'makespan:buffer 1': 2640, 'makespan:buffer 2': 2460, 'makespan:buffer 5': 2100, 'makespan:buffer 100': 2100 },
    rank: 10,
  },
  {
    id: 'event-generator-backpressure',
    title: 'Event generator 50/s → buffer 100 → writer 25 ms (runs until Stop)',
    lesson: 'the writer handles 40 events/s: the buffer grows by 10/s, is full after about 10 s, and then the generator is throttled to 40/s (the notes’ demo, measured).',
    pattern: 'prodcons',
    params: { continuous: true, rate: 50, buffer: 100, consume: 25, consumers: 1, batch: 1, batchCost: 0 },
    rank: 10.1,
  },
]
