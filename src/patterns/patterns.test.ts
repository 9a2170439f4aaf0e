import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH, Op, Role, State } from '../core/events'
import { makeJobs } from '../core/jobs'
import { computeMetrics } from '../core/metrics'
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario'
import { computeTheory } from '../core/theory'
import { Trace } from '../core/trace'
import { VirtualExecutor } from '../core/virtual'
import { startRun } from './run'
import { runVirtual } from './virtualRun'

const cases: Partial<Scenario>[] = [
  { pattern: 'sequential', n: 20 },
  { pattern: 'unbounded' },
  { pattern: 'batches' },
  { pattern: 'pool' },
  { pattern: 'pool', buffer: 0 },
  { pattern: 'pool', variation: 'straggler' },
  { pattern: 'batches', variation: 'straggler' },
  { pattern: 'pool', variation: 'uniform', jitter: 50, pool: 7, buffer: 3 },
  { pattern: 'batches', variation: 'everyk', batch: 4 },
  { pattern: 'pool', kind: 'cpu', n: 8, d: 100, pool: 8 },
  { pattern: 'unbounded', kind: 'mixed', n: 30 },
  { pattern: 'pool', kind: 'mixed', n: 40, pool: 5, cpuShare: 70 },
]

describe('patterns under virtual time match the theory exactly', () => {
  for (const c of cases) {
    it(JSON.stringify(c), async () => {
      const tr = await runVirtual(c)
      expect(tr.status).toBe('done')
      expect(tr.jobsDone).toBe(tr.jobs.length)
      expect(tr.endT).toBeCloseTo(tr.theory.makespan, 9)
      // every goroutine returned by itself before main did: none was cut off
      expect(Array.from(tr.gExitHow.data.subarray(0, tr.goroutines)).every((how) => how === 0)).toBe(true)
      for (let j = 0; j < tr.jobs.length; j++) {
        expect(tr.jBegin[j]).toBeCloseTo(tr.theory.jobs[j].begin, 9)
        expect(tr.jEnd[j]).toBeCloseTo(tr.theory.jobs[j].end, 9)
      }
    })
  }
})

describe('pattern structure', () => {
  it('sequential: one goroutine runs every job in order', async () => {
    const tr = await runVirtual({ pattern: 'sequential', n: 5, d: 100 })
    expect(tr.goroutines).toBe(1)
    expect(Array.from(tr.jG)).toEqual([0, 0, 0, 0, 0])
    expect(tr.endT).toBe(500)
  })

  it('unbounded: one goroutine per item, all started at 0', async () => {
    const tr = await runVirtual({ pattern: 'unbounded', n: 100 })
    expect(tr.goroutines).toBe(101)
    expect(Math.max(...tr.jBegin)).toBe(0)
  })

  it('batches: B goroutines per batch, a barrier after each batch', async () => {
    const tr = await runVirtual({ pattern: 'batches', n: 5, d: 100, batch: 3 })
    expect(tr.goroutines).toBe(6)
    expect(tr.barriers).toEqual([100, 200])
    expect(tr.endT).toBe(200)
  })

  it('pool: a producer, P workers, and the producer blocks on a full buffer', async () => {
    const tr = await runVirtual({ pattern: 'pool', n: 100, pool: 10, buffer: 5 })
    expect(tr.goroutines).toBe(12)
    expect(Array.from(tr.gRole.data.subarray(0, 3))).toEqual([Role.Main, Role.Producer, Role.Worker])
    let producerBlocked = 0
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === 1 && tr.sState.data[s] === State.BlockedSend) producerBlocked++
    expect(producerBlocked).toBeGreaterThan(0)
    expect(Math.max(...tr.chanLen.data.subarray(0, tr.chanLen.length))).toBe(5)
    expect(tr.chanCap).toBe(5)
  })

  it('pool: each job runs exactly once', async () => {
    const tr = await runVirtual({ pattern: 'pool', n: 57, pool: 4, buffer: 0, variation: 'uniform' })
    expect(Array.from(tr.jStatus).every((s) => s === 0)).toBe(true)
  })

  it('cpu: never more jobs running than threads', async () => {
    const tr = await runVirtual({ pattern: 'unbounded', kind: 'cpu', n: 12 }, 3)
    const starts: number[] = []
    const ends: number[] = []
    for (let s = 0; s < tr.segments; s++) {
      if (tr.sState.data[s] === State.Running) {
        starts.push(tr.sT0.data[s])
        ends.push(tr.sT1.data[s])
      }
    }
    const { peakOverlap } = await import('../core/stats')
    expect(peakOverlap(starts, ends)).toBe(3)
  })
})

describe('goroutine counts of the opener (main, and the pool’s producer, are goroutines too)', () => {
  it('peak / total: sequential 1/1, unbounded 101/101, batches 11/101, pool 12/12', async () => {
    const counts: string[] = []
    for (const pattern of ['sequential', 'unbounded', 'batches', 'pool'] as const) {
      const m = computeMetrics(await runVirtual({ pattern }))
      counts.push(`${m.peakGoroutines}/${m.totalGoroutines}`)
    }
    expect(counts).toEqual(['1/1', '101/101', '11/101', '12/12'])
  })
})

describe('Stop', () => {
  it('ends the run at once; unfinished jobs are cancelled and every lane is closed', async () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, pattern: 'pool' }
    const jobs = makeJobs(scenario)
    const exec = new VirtualExecutor(2)
    const events: number[] = []
    const rt = startRun(scenario, jobs, exec, (...e) => events.push(...e))
    await exec.runUntilIdle(120)
    rt.stop()
    const { status } = await rt.done
    const ev = Float64Array.from(events)
    expect(status).toBe(1)
    expect(ev[ev.length - EVENT_WIDTH]).toBe(Op.RunEnd)
    const tr = new Trace(scenario, jobs, computeTheory('pool', jobs, { ...scenario, threads: 2 }), {
      threads: 2, hardwareConcurrency: 2, crossOriginIsolated: false, itersPerMs: 1, startedAt: 0,
    })
    tr.apply(ev)
    expect(tr.status).toBe('stopped')
    expect(tr.jobsDone).toBe(20)
    expect(Array.from(tr.jStatus).filter((s) => s === 1).length).toBe(10)
    expect(Array.from(tr.sT1.data.subarray(0, tr.segments)).some(isNaN)).toBe(false)
  })
})
