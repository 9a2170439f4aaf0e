import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH, Op, State } from './events'
import { computeMetrics } from './metrics'
import { DEFAULT_SCENARIO } from './scenario'
import { peakOverlap, quantile } from './stats'
import { computeTheory } from './theory'
import { Trace } from './trace'

describe('stats', () => {
  it('quantile interpolates and ignores NaN', () => {
    expect(quantile([3, 1, 2, NaN], 0.5)).toBe(2)
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5)
    expect(quantile([], 0.5)).toBeNaN()
  })

  it('peakOverlap counts an end before a start at the same time', () => {
    expect(peakOverlap([0, 10, 5], [10, 20, 15])).toBe(2)
    expect(peakOverlap([0, 1], [NaN, 2])).toBe(2)
  })
})

describe('computeMetrics', () => {
  it('reads makespan, ratio, overhead and lateness from a hand-made trace', () => {
    const scenario = { ...DEFAULT_SCENARIO, pattern: 'sequential' as const, n: 2, d: 50, timeScale: 0.5 }
    const jobs = [{ id: 0, cpu: 0, io: 50 }, { id: 1, cpu: 0, io: 50 }]
    const tr = new Trace(scenario, jobs, computeTheory('sequential', jobs, { pool: 1, batch: 1, threads: 1 }), {
      threads: 1, hardwareConcurrency: 2, crossOriginIsolated: true, itersPerMs: 1, startedAt: 0,
    })
    const ev: number[][] = [
      [Op.Spawn, 0, 0, 0, 0, -1],
      [Op.State, 0, 0, State.Active, -1, -1],
      [Op.JobBegin, 0, 0, 0, -1, -1],
      [Op.State, 0.1, 0, State.Io, 0, 25],
      [Op.JobEnd, 26.1, 0, 0, 0, -1],
      [Op.State, 26.1, 0, State.Active, -1, -1],
      [Op.JobBegin, 26.1, 1, 0, -1, -1],
      [Op.State, 26.3, 0, State.Io, 1, 25],
      [Op.JobEnd, 52.3, 1, 0, 0, -1],
      [Op.State, 52.3, 0, State.Active, -1, -1],
      [Op.Exit, 52.5, 0, 0, -1, -1],
      [Op.RunEnd, 52.5, 0, -1, -1, -1],
    ]
    expect(ev.every((e) => e.length === EVENT_WIDTH)).toBe(true)
    tr.apply(Float64Array.from(ev.flat()))
    const m = computeMetrics(tr)
    expect(m.status).toBe('done')
    expect(m.makespan).toBeCloseTo(105) // 52.5 real ms at ×0.5
    expect(m.theory).toBe(100)
    expect(m.ratio).toBeCloseTo(1.05)
    expect(m.speedup).toBeCloseTo(100 / 105)
    expect(m.overheadMedian).toBeCloseTo(0.15)
    expect(m.latenessMedian).toBeCloseTo(1)
    expect(m.peakConcurrency).toBe(1)
    expect(m.peakGoroutines).toBe(1)
  })
})
