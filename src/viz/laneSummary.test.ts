import { describe, expect, it } from 'vitest'
import { virtual } from '../patterns/testkit'
import { summarizeLanes, type LaneRow } from './laneSummary'

const pick = (r: LaneRow) => ({ name: r.name, group: r.group, jobsDone: r.jobsDone, start: r.start, end: r.end, how: r.how, ...r.time })

describe('summarizeLanes: the timeline as a table, one row per goroutine', () => {
  it('a pool of 2 over an unbuffered channel, 4 io jobs of 50 ms: the producer blocks on send until the last hand-off, main waits at the barrier', async () => {
    const tr = await virtual('pool', { n: 4, d: 50 }, { pool: 2, buffer: 0 })
    const s = summarizeLanes(tr)
    expect(s.lanes).toBe(4)
    expect(s.rest).toBeNull()
    expect(s.grouped).toBe(true)
    expect(s.span).toEqual([0, 100])
    // only the states something spent time in become columns
    expect(s.states).toEqual(['io', 'send', 'barrier'])
    const none = { running: 0, runnable: 0, io: 0, send: 0, recv: 0, barrier: 0, other: 0 }
    expect(s.rows.map(pick)).toEqual([
      { name: 'main', group: '', jobsDone: 0, start: 0, end: 100, how: 'returned', ...none, barrier: 100 },
      { name: 'producer', group: '', jobsDone: 0, start: 0, end: 50, how: 'returned', ...none, send: 50 },
      { name: 'worker 1', group: 'workers', jobsDone: 2, start: 0, end: 100, how: 'returned', ...none, io: 100 },
      { name: 'worker 2', group: 'workers', jobsDone: 2, start: 0, end: 100, how: 'returned', ...none, io: 100 },
    ])
  })

  it('reads scenario ms whatever the time scale (a run at ×0.5 gives the same table)', async () => {
    const half = summarizeLanes(await virtual('pool', { n: 4, d: 50, timeScale: 0.5 }, { pool: 2, buffer: 0 }))
    const whole = summarizeLanes(await virtual('pool', { n: 4, d: 50 }, { pool: 2, buffer: 0 }))
    expect(half.rows.map(pick)).toEqual(whole.rows.map(pick))
  })

  it('cpu jobs on one thread: the second worker waits runnable for as long as the first computes', async () => {
    const tr = await virtual('pool', { n: 2, d: 100, kind: 'cpu' }, { pool: 2, buffer: 0 }, 1)
    const s = summarizeLanes(tr)
    expect(s.states).toEqual(['running', 'runnable', 'barrier'])
    const [w1, w2] = s.rows.slice(2)
    expect([w1.time.running, w1.time.runnable, w1.end]).toEqual([100, 0, 100])
    expect([w2.time.running, w2.time.runnable, w2.end]).toEqual([100, 100, 200])
  })

  it('up to a cursor: only what happened before it, and goroutines still alive have no end', async () => {
    const tr = await virtual('pool', { n: 4, d: 50 }, { pool: 2, buffer: 0 })
    const s = summarizeLanes(tr, { cursor: 60 })
    expect(s.span).toEqual([0, 60])
    expect(s.rows.map((r) => [r.name, r.jobsDone, r.how])).toEqual([
      ['main', 0, 'alive'],
      ['producer', 0, 'returned'],
      ['worker 1', 1, 'alive'],
      ['worker 2', 1, 'alive'],
    ])
    expect(s.rows[0].end).toBeNaN()
    expect(s.rows[0].time.barrier).toBe(60)
    expect(s.rows[2].time.io).toBe(60)
  })

  it('lists the first lanes and sums up the rest in one row (batches of 3 over 5 jobs of 100 ms, 3 lanes listed)', async () => {
    const tr = await virtual('batches', { n: 5, d: 100 }, { batch: 3 })
    const s = summarizeLanes(tr, { limit: 3 })
    expect(s.lanes).toBe(6)
    expect(s.rows.map((r) => r.name)).toEqual(['main', 'go #1', 'go #2'])
    expect(s.rows[0].time.barrier).toBe(200)
    expect(s.rest).toMatchObject({ lane: -1, name: '3 more goroutines', count: 3, jobsDone: 3, start: 0, end: 200, how: 'returned' })
    expect(s.rest?.time.io).toBe(300)
  })

  it('10,000 goroutines: 100 rows and one for the other 9,901, well within a frame budget of a busy machine', async () => {
    const tr = await virtual('unbounded', { n: 10_000, d: 50 })
    const t0 = performance.now()
    const s = summarizeLanes(tr, { limit: 100 })
    // a generous bound (a loaded 2-core CI machine): it guards against a per-lane rescan of the trace, not a benchmark
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(s.rows).toHaveLength(100)
    expect(s.rest?.count).toBe(9_901)
    expect(s.rest?.jobsDone).toBe(9_901)
    expect(s.rest?.time.io).toBeCloseTo(9_901 * 50, 6)
  })
})
