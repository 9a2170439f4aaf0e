import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH, Op, State } from '../core/events'
import { computeMetrics } from '../core/metrics'
import { DEFAULT_SHARED } from '../core/shared'
import { Trace } from '../core/trace'
import { decodeScenario } from '../core/url'
import { PROGRAMS } from '../patterns/programs'
import { REGISTRY } from '../patterns/registry'
import { runVirtual, theoryMeta, traceOf } from '../patterns/theory'
import { eventTimes } from './stepping'

async function traceOfLink(link: string) {
  const s = decodeScenario(REGISTRY, link).scenario
  return traceOf(s, theoryMeta(2, 2), await runVirtual(PROGRAMS, s, 2))
}

describe('stepping through a replay event by event', () => {
  it('a worker pool with a buffered jobs channel stops at every round of jobs, not only at direct handoffs', async () => {
    // 40 jobs of 50 ms on 4 workers: rounds end (and the next begins) every 50 ms
    const tr = await traceOfLink('?v=2&p=pool&n=40&d=50&pool=4&buffer=10')
    const ts = eventTimes(tr, -1)
    for (let k = 1; k <= 10; k++) expect(ts.some((t) => Math.abs(t - 50 * k) < 1e-6)).toBe(true)
    expect(ts[ts.length - 1]).toBe(tr.end)
    // sorted, and no two stops within a thousandth of the run
    for (let i = 1; i < ts.length; i++) expect(ts[i] - ts[i - 1]).toBeGreaterThan(tr.end / 1000)
  })

  it('jobs ending within a thousandth of the run are one stop, at the last of them: all of them are done there', () => {
    // four jobs from 0, ending 30 µs apart in a run of 100 ms (a thousandth: 0.1 ms)
    const ends = [50, 50.03, 50.06, 50.09]
    const rows = [
      [Op.Spawn, 0, 0, 0, -1, -1],
      [Op.State, 0, 0, State.Active, -1, -1],
      ...ends.map((_, j) => [Op.JobBegin, 0, j, 0, 0, 50]),
      ...ends.map((t, j) => [Op.JobEnd, t, j, 0, 0, -1]),
      [Op.Exit, 100, 0, 0, -1, -1],
      [Op.RunEnd, 100, 0, -1, -1, -1],
    ]
    expect(rows.every((e) => e.length === EVENT_WIDTH)).toBe(true)
    const tr = new Trace({ pattern: 'unbounded', shared: { ...DEFAULT_SHARED, n: 4, d: 50, timeScale: 1 }, params: {} }, theoryMeta(2, 2))
    tr.apply(Float64Array.from(rows.flat()), [[0, 'main']])
    const ts = eventTimes(tr, -1)
    expect(ts).toEqual([0, 50.09, 100])
    expect(computeMetrics(tr, null, 50.09).jobsDone).toBe(4)
  })

  it('a run of 10,000 jobs of varied length has at most a thousand stops', async () => {
    const tr = await traceOfLink('?v=2&p=unbounded&n=10000&d=50&variation=uniform&jitter=50')
    const ts = eventTimes(tr, -1)
    expect(ts.length).toBeGreaterThan(10)
    expect(ts.length).toBeLessThanOrEqual(1001)
    expect(ts[ts.length - 1]).toBe(tr.end)
  })

  it('a hovered lane stops exactly at every change of its goroutine\'s state and at its exit', async () => {
    const tr = await traceOfLink('?v=2&p=pool&n=40&d=50&pool=4&buffer=10')
    const lane = 2
    const changes: number[] = []
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === lane && tr.sState.data[s] !== State.Active) changes.push(tr.sT0.data[s])
    changes.push(tr.gExit.data[lane])
    expect(changes.length).toBeGreaterThan(5)
    const ts = eventTimes(tr, lane)
    for (const t of changes) expect(ts).toContain(t)
  })
})
