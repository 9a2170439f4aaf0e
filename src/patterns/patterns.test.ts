import { describe, expect, it } from 'vitest'
import { Exit, JobStatus, State } from '../core/events'
import { makeJobs } from '../core/jobs'
import { peakOverlap } from '../core/stats'
import type { SharedValues } from '../core/shared'
import { computeTheory } from './oracle/listScheduling'
import { scenarioOf, virtual } from './testkit'

type Case = { pattern: 'sequential' | 'unbounded' | 'batches' | 'pool'; shared?: Partial<SharedValues>; params?: Record<string, number> }

const cases: Case[] = [
  { pattern: 'sequential', shared: { n: 20 } },
  { pattern: 'unbounded' },
  { pattern: 'batches' },
  { pattern: 'pool' },
  { pattern: 'pool', params: { buffer: 0 } },
  { pattern: 'pool', shared: { variation: 'straggler' } },
  { pattern: 'batches', shared: { variation: 'straggler' } },
  { pattern: 'pool', shared: { variation: 'uniform', jitter: 50 }, params: { pool: 7, buffer: 3 } },
  { pattern: 'batches', shared: { variation: 'everyk' }, params: { batch: 4 } },
  { pattern: 'pool', shared: { kind: 'cpu', n: 8, d: 100 }, params: { pool: 8 } },
  { pattern: 'unbounded', shared: { kind: 'mixed', n: 30 } },
  { pattern: 'pool', shared: { kind: 'mixed', n: 40, cpuShare: 70 }, params: { pool: 5 } },
]

describe('the four original patterns on a virtual clock equal the hand-written theory (oracle), job by job', () => {
  for (const c of cases) {
    it(JSON.stringify(c), async () => {
      const tr = await virtual(c.pattern, c.shared, c.params)
      const s = scenarioOf(c.pattern, c.shared, c.params)
      const oracle = computeTheory(c.pattern, makeJobs(s.shared), { pool: (s.params.pool as number) ?? 10, batch: (s.params.batch as number) ?? 10, threads: 2 })
      expect(tr.status).toBe('done')
      expect(tr.jobsDone).toBe(s.shared.n)
      expect(tr.endT).toBeCloseTo(oracle.makespan, 9)
      // every goroutine returned by itself before main did: none was cut off
      expect(Array.from(tr.gExitHow.data.subarray(0, tr.goroutines)).every((how) => how === Exit.Returned)).toBe(true)
      for (let j = 0; j < s.shared.n; j++) {
        expect(tr.jBegin.data[j]).toBeCloseTo(oracle.jobs[j].begin, 9)
        expect(tr.jEnd.data[j]).toBeCloseTo(oracle.jobs[j].end, 9)
        expect(tr.jG.data[j]).toBe(oracle.jobs[j].lane)
      }
      expect(tr.goroutines).toBe(oracle.lanes)
    })
  }
})

describe('pattern structure', () => {
  it('sequential: one goroutine runs every job in order', async () => {
    const tr = await virtual('sequential', { n: 5, d: 100 })
    expect(tr.goroutines).toBe(1)
    expect(Array.from(tr.jG.data.subarray(0, 5))).toEqual([0, 0, 0, 0, 0])
    expect(tr.endT).toBe(500)
  })

  it('unbounded: one goroutine per item, all started at 0', async () => {
    const tr = await virtual('unbounded', { n: 100 })
    expect(tr.goroutines).toBe(101)
    expect(Math.max(...tr.jBegin.data.subarray(0, 100))).toBe(0)
    expect(tr.goroutineName(1)).toBe('go #1')
  })

  it('batches: B goroutines per batch, a barrier after each batch, lanes grouped by batch', async () => {
    const tr = await virtual('batches', { n: 5, d: 100 }, { batch: 3 })
    expect(tr.goroutines).toBe(6)
    const barriers = Array.from(tr.mT.data.subarray(0, tr.mT.length)).filter((_, i) => tr.text(tr.mKind.data[i]) === 'barrier')
    expect(barriers).toEqual([100, 200])
    expect(tr.endT).toBe(200)
    expect([1, 2, 3, 4, 5].map((g) => tr.groupName(g))).toEqual(['batch 1', 'batch 1', 'batch 1', 'batch 2', 'batch 2'])
  })

  it('pool: a producer, P workers, and the producer blocks on a full buffer', async () => {
    const tr = await virtual('pool', { n: 100 }, { pool: 10, buffer: 5 })
    expect(tr.goroutines).toBe(12)
    expect([0, 1, 2, 11].map((g) => tr.goroutineName(g))).toEqual(['main', 'producer', 'worker 1', 'worker 10'])
    let producerBlocked = 0
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === 1 && tr.sState.data[s] === State.BlockedSend) producerBlocked++
    expect(producerBlocked).toBeGreaterThan(0)
    const jobs = tr.resourceByName('jobs')
    if (!jobs) throw new Error('no jobs channel in the trace')
    expect(Math.max(...jobs.value.data.subarray(0, jobs.samples))).toBe(5)
    expect(jobs.cap).toBe(5)
  })

  it('pool: each job runs exactly once', async () => {
    const tr = await virtual('pool', { n: 57, variation: 'uniform' }, { pool: 4, buffer: 0 })
    expect(Array.from(tr.jStatus.data.subarray(0, 57)).every((s) => s === JobStatus.Done)).toBe(true)
  })

  it('cpu: never more jobs running than threads', async () => {
    const tr = await virtual('unbounded', { kind: 'cpu', n: 12 }, {}, 3)
    const starts: number[] = []
    const ends: number[] = []
    for (let s = 0; s < tr.segments; s++) {
      if (tr.sState.data[s] === State.Running) {
        starts.push(tr.sT0.data[s])
        ends.push(tr.sT1.data[s])
      }
    }
    expect(peakOverlap(starts, ends)).toBe(3)
  })
})
