import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH, JobStatus, Op, State } from './events'
import { computeMetrics } from './metrics'
import { DEFAULT_SHARED } from './shared'
import { peakOverlap, quantile } from './stats'
import { Trace, type TraceMeta } from './trace'
import { decodeScenario } from './url'
import { PROGRAMS } from '../patterns/programs'
import { REGISTRY } from '../patterns/registry'
import { runVirtual, theoryMeta, traceOf } from '../patterns/theory'

describe('stats', () => {
  it('quantile interpolates and ignores NaN', () => {
    expect(quantile([3, 1, 2, NaN], 0.5)).toBe(2)
    expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5)
    expect(quantile([], 0.5)).toBeNaN()
  })

  it('peakOverlap counts an end before a start at the same time', () => {
    expect(peakOverlap([0, 10], [10, 20])).toBe(1)
    expect(peakOverlap([0, 5], [10, 20])).toBe(2)
    expect(peakOverlap([0, NaN], [NaN, NaN])).toBe(1)
  })

  it('peakOverlap at a moment leaves out later starts and keeps later ends open', () => {
    // [0, 10) and [5, 20) overlap from 5; [12, 30) overlaps [5, 20) only after 12
    expect(peakOverlap([0, 5, 12], [10, 20, 30], 4)).toBe(1)
    expect(peakOverlap([0, 5, 12], [10, 20, 30], 7)).toBe(2)
    expect(peakOverlap([0, 5, 12], [10, 20, 30], 11)).toBe(2)
    expect(peakOverlap([0, 5], [3, 20], 2)).toBe(1)
  })
})

const meta = (source: TraceMeta['source']): TraceMeta => ({ threads: 1, hardwareConcurrency: 2, crossOriginIsolated: true, itersPerMs: 1, startedAt: 0, source })
const scenario = { pattern: 'sequential', shared: { ...DEFAULT_SHARED, n: 2, d: 50, timeScale: 0.5 }, params: {} }

/** Two io jobs of 50 scenario ms (25 real ms at ×0.5), one after the other, on goroutine 0. */
function twoJobs(t0: number, t1: number, t2: number, t3: number, end: number): number[][] {
  return [
    [Op.Spawn, 0, 0, 0, -1, -1],
    [Op.State, 0, 0, State.Active, -1, -1],
    [Op.JobBegin, 0, 0, 0, 0, 50],
    [Op.State, t0, 0, State.Io, 0, 25],
    [Op.JobEnd, t1, 0, 0, 0, -1],
    [Op.State, t1, 0, State.Active, -1, -1],
    [Op.JobBegin, t1, 1, 0, 0, 50],
    [Op.State, t2, 0, State.Io, 1, 25],
    [Op.JobEnd, t3, 1, 0, 0, -1],
    [Op.State, t3, 0, State.Active, -1, -1],
    [Op.Exit, end, 0, 0, -1, -1],
    [Op.RunEnd, end, 0, -1, -1, -1],
  ]
}

function trace(rows: number[][], source: TraceMeta['source']): Trace {
  expect(rows.every((e) => e.length === EVENT_WIDTH)).toBe(true)
  const tr = new Trace(scenario, meta(source))
  tr.apply(Float64Array.from(rows.flat()), [[0, 'main']])
  return tr
}

describe('computeMetrics', () => {
  it('reads makespan, ratio, speed-up and lateness from a hand-made trace and its theory', () => {
    const theory = trace(twoJobs(0, 25, 25, 50, 50), 'theory')
    const tr = trace(twoJobs(0.1, 26.1, 26.3, 52.3, 52.5), 'measured')
    const m = computeMetrics(tr, theory)
    expect(m.status).toBe('done')
    expect(m.makespan).toBeCloseTo(105) // 52.5 real ms at ×0.5
    expect(m.theory).toBe(100)
    expect(m.ratio).toBeCloseTo(1.05)
    expect(m.speedup).toBeCloseTo(100 / 105)
    expect(m.latenessMedian).toBeCloseTo(1)
    expect(m.peakConcurrency).toBe(1)
    expect(m.peakGoroutines).toBe(1)
    expect(m.jobsPlanned).toBe(2)
  })

  it('at a moment of a finished run (a replay), the numbers are as they stood then: jobs done by then, no makespan, ratio or speed-up yet', () => {
    const theory = trace(twoJobs(0, 25, 25, 50, 50), 'theory')
    const tr = trace(twoJobs(0.1, 26.1, 26.3, 52.3, 52.5), 'measured')
    const mid = computeMetrics(tr, theory, 30)
    expect(mid.status).toBe('done')
    expect(mid.replayAt).toBe(60) // 30 real ms at ×0.5
    expect(mid.elapsed).toBe(60)
    expect(mid.jobsDone).toBe(1)
    expect(mid.makespan).toBeNaN()
    expect(mid.ratio).toBeNaN()
    expect(mid.speedup).toBeNaN()
    expect(mid.throughput).toBeCloseTo(1000 / 60)
    expect(mid.latenessMedian).toBeCloseTo(1) // the first wait only: the second has not ended
    expect(computeMetrics(tr, theory, 26.2).latenessMedian).toBeCloseTo(1)
    expect(computeMetrics(tr, theory, 20).latenessMedian).toBeNaN()
    expect(computeMetrics(tr, theory, 20).jobsDone).toBe(0)
    expect(computeMetrics(tr, theory, 20).peakConcurrency).toBe(1)
    expect(mid.jobsPlanned).toBe(2)
    // its end (or later) is the whole run
    for (const at of [52.5, 80, Infinity]) {
      const m = computeMetrics(tr, theory, at)
      expect(m.replayAt).toBeNaN()
      expect(m.makespan).toBeCloseTo(105)
      expect(m.jobsDone).toBe(2)
    }
  })

  it('at a moment, goroutines not yet spawned are not counted, nor jobs not yet ended', async () => {
    // batches of 2, 50 ms each: main, then two goroutines per batch
    const s = decodeScenario(REGISTRY, '?v=2&p=batches&n=6&d=50&batch=2').scenario
    const tr = traceOf(s, theoryMeta(2, 2), await runVirtual(PROGRAMS, s, 2))
    const whole = computeMetrics(tr)
    expect(whole.totalGoroutines).toBe(7)
    expect(whole.jobsDone).toBe(6)
    const first = computeMetrics(tr, null, 10)
    expect(first.totalGoroutines).toBe(3)
    expect(first.peakGoroutines).toBe(3)
    expect(first.peakConcurrency).toBe(2)
    expect(first.jobsDone).toBe(0)
    expect(computeMetrics(tr, null, 110).totalGoroutines).toBe(7)
    expect(computeMetrics(tr, null, 110).jobsDone).toBe(4)
  })

  it('a moment of a run still running is not a replay: its numbers are of all it has recorded', () => {
    const rows = twoJobs(0.1, 26.1, 26.3, 52.3, 52.5).slice(0, 7)
    const m = computeMetrics(trace(rows, 'measured'), null, 10)
    expect(m.status).toBe('running')
    expect(m.replayAt).toBeNaN()
    expect(m.jobsDone).toBe(1)
  })

  it('timer lateness counts the waits that ran their course: a dropped job\'s, not a cancelled one\'s', () => {
    const rows = (status: number) => twoJobs(0.1, 26.1, 26.3, 54.3, 54.5).map((r) => (r[0] === Op.JobEnd && r[2] === 1 ? [Op.JobEnd, r[1], 1, 0, status, status === JobStatus.Dropped ? 1 : -1] : r))
    const dropped = new Trace(scenario, meta('measured'))
    dropped.apply(Float64Array.from(rows(JobStatus.Dropped).flat()), [[0, 'main'], [1, 'queue full']])
    // waits 1 ms and 3 ms late: the median of both
    expect(computeMetrics(dropped).latenessMedian).toBeCloseTo(2)
    const cancelled = trace(rows(JobStatus.Cancelled), 'measured')
    expect(computeMetrics(cancelled).latenessMedian).toBeCloseTo(1)
  })

  it('dispatch overhead is only measured for cpu jobs (io runs have none)', () => {
    const m = computeMetrics(trace(twoJobs(0.1, 26.1, 26.3, 52.3, 52.5), 'measured'))
    expect(m.overheadMedian).toBeNaN()
    expect(m.resumeMedian).toBeNaN()
  })

  it('a run shows the cards of the work its ideal schedule has before any job of its own has begun', () => {
    const theory = trace(twoJobs(0, 25, 25, 50, 50), 'theory')
    const started = new Trace(scenario, meta('measured'))
    started.apply(Float64Array.from([Op.Spawn, 0, 0, 0, -1, -1]), [[0, 'main']])
    const m = computeMetrics(started, theory)
    expect(m.hasIo).toBe(true)
    expect(m.latenessMedian).toBeNaN()
    expect(m.hasCpu).toBe(false)
    const cpuTheory = trace(twoJobs(0, 25, 25, 50, 50).map((r) => (r[0] === Op.JobBegin ? [r[0], r[1], r[2], r[3], 50, 0] : r)), 'theory')
    expect(computeMetrics(started, cpuTheory)).toMatchObject({ hasCpu: true, hasIo: false })
    expect(computeMetrics(started, cpuTheory).overheadMedian).toBeNaN()
    // a continuous run's ideal schedule ends stopped at its horizon: what it holds counts as well
    const horizon = trace(twoJobs(0, 25, 25, 50, 50).slice(0, -1).concat([[Op.RunEnd, 50, 1, -1, -1, -1]]), 'theory')
    expect(horizon.status).toBe('stopped')
    expect(computeMetrics(started, horizon)).toMatchObject({ hasCpu: false, hasIo: true })
  })

  it('without an ideal schedule yet, a run expects the work of its scenario kind', () => {
    const of = (kind: 'io' | 'cpu' | 'mixed') => {
      const tr = new Trace({ ...scenario, shared: { ...scenario.shared, kind } }, meta('measured'))
      tr.apply(Float64Array.from([Op.Spawn, 0, 0, 0, -1, -1]), [[0, 'main']])
      const m = computeMetrics(tr)
      return [m.hasCpu, m.hasIo]
    }
    expect(of('io')).toEqual([false, true])
    expect(of('cpu')).toEqual([true, false])
    expect(of('mixed')).toEqual([true, true])
  })
})
