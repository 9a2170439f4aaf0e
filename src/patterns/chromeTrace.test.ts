import { describe, expect, it } from 'vitest'
import { toChromeTrace } from '../core/chromeTrace'
import { computeMetrics } from '../core/metrics'
import { virtual } from './testkit'

describe('toChromeTrace', () => {
  it('holds one job slice per job, nested state slices, thread tracks and the scenario', async () => {
    const tr = await virtual('pool', { n: 12, kind: 'mixed' }, { pool: 3 })
    const out = toChromeTrace(tr, computeMetrics(tr, tr), 'test')
    const jobs = out.traceEvents.filter((e) => e.cat === 'job')
    expect(jobs).toHaveLength(12)
    expect(new Set(jobs.map((e) => e.name)).size).toBe(12)
    const cpu = out.traceEvents.filter((e) => e.cat === 'cpu')
    expect(cpu).toHaveLength(12)
    expect(cpu.every((e) => e.pid === 2 && (e.tid === 0 || e.tid === 1))).toBe(true)
    // every state slice lies inside its goroutine's job slice (so Perfetto nests them)
    for (const s of out.traceEvents.filter((e) => e.cat === 'state' && (e.args as { job?: number }).job !== undefined)) {
      const job = jobs.find((j) => j.name === `job ${(s.args as { job: number }).job + 1}`) as { ts: number; dur: number }
      expect(s.ts as number).toBeGreaterThanOrEqual(job.ts)
      expect((s.ts as number) + (s.dur as number)).toBeLessThanOrEqual(job.ts + job.dur + 1e-6)
    }
    expect(out.metadata.scenario).toEqual(tr.scenario)
    expect(out.metadata.theoryMakespanMs).toBe(tr.endT)
    expect(out.metadata.measuredMakespanMs).toBe(tr.endT)
    expect(JSON.parse(JSON.stringify(out)).traceEvents.length).toBe(out.traceEvents.length)
  })

  it('names goroutine tracks by the names the program gave them', async () => {
    const tr = await virtual('pool', { n: 4 }, { pool: 2 })
    const names = toChromeTrace(tr, computeMetrics(tr), 't')
      .traceEvents.filter((e) => e.name === 'thread_name' && e.pid === 1)
      .map((e) => (e.args as { name: string }).name)
    expect(names).toEqual(['g0 main', 'g1 producer', 'g2 worker 1 [workers]', 'g3 worker 2 [workers]'])
  })

  it('has a counter track per channel and a flow arrow per value passed', async () => {
    const tr = await virtual('pool', { n: 20 }, { pool: 2, buffer: 0 })
    const out = toChromeTrace(tr, computeMetrics(tr), 't')
    const counters = out.traceEvents.filter((e) => e.ph === 'C' && e.name === 'chan jobs')
    expect(counters.length).toBeGreaterThan(0)
    expect(Object.keys(counters[0].args as object)).toEqual(['len', 'parked senders', 'parked receivers'])
    const starts = out.traceEvents.filter((e) => e.ph === 's')
    const ends = out.traceEvents.filter((e) => e.ph === 'f')
    expect(starts).toHaveLength(20) // unbuffered: every job is a direct handoff from the producer
    expect(ends.map((e) => e.id)).toEqual(starts.map((e) => e.id))
    expect(starts.every((e) => e.tid === 1 && e.name === 'handoff jobs')).toBe(true)
  })
})
