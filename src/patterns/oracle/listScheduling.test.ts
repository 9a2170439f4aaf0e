import { describe, expect, it } from 'vitest'
import { makeJobs, type Job } from '../../core/jobs'
import { createRng } from '../../core/rng'
import { DEFAULT_SHARED, type SharedValues } from '../../core/shared'
import { computeTheory } from './listScheduling'

type PatternId = Parameters<typeof computeTheory>[0]

const io = (ds: number[]): Job[] => ds.map((d, id) => ({ id, cpu: 0, io: d }))
const cpu = (ds: number[]): Job[] => ds.map((d, id) => ({ id, cpu: d, io: 0 }))
const T = (pattern: PatternId, jobs: Job[], p: Partial<{ pool: number; batch: number; threads: number }> = {}) =>
  computeTheory(pattern, jobs, { pool: 10, batch: 10, threads: 2, ...p })
const scenario = (s: Partial<SharedValues>): SharedValues => ({ ...DEFAULT_SHARED, ...s })

describe('oracle computeTheory: the talk numbers (SCENARIOS.md)', () => {
  it('100 × 50 ms io: sequential 5000, unbounded 50, batch 10 500, pool 10 500', () => {
    const jobs = makeJobs(scenario({}))
    expect(T('sequential', jobs).makespan).toBe(5000)
    expect(T('unbounded', jobs).makespan).toBe(50)
    expect(T('batches', jobs).makespan).toBe(500)
    expect(T('pool', jobs).makespan).toBe(500)
  })

  it('100 × 50 ms with item 1 = 500 ms: batches 950, pool 550', () => {
    const jobs = makeJobs(scenario({ variation: 'straggler', straggler: 500 }))
    expect(T('batches', jobs).makespan).toBe(950)
    expect(T('pool', jobs).makespan).toBe(550)
  })

  it('every 10th item 150 ms: batches 1500, pool 650', () => {
    const jobs = makeJobs(scenario({ variation: 'everyk', every: 10, slow: 150 }))
    expect(T('batches', jobs).makespan).toBe(1500)
    expect(T('pool', jobs).makespan).toBe(650)
  })

  it('5 × 100 ms with B = 3: 200 both ways; sequential 500; unbounded 100', () => {
    const jobs = io([100, 100, 100, 100, 100])
    expect(T('batches', jobs, { batch: 3 }).makespan).toBe(200)
    expect(T('pool', jobs, { pool: 3 }).makespan).toBe(200)
    expect(T('sequential', jobs).makespan).toBe(500)
    expect(T('unbounded', jobs).makespan).toBe(100)
  })

  it('[100,30,30,30,30] with W = B = 3: batch 130, pool 100', () => {
    const jobs = io([100, 30, 30, 30, 30])
    expect(T('batches', jobs, { batch: 3 }).makespan).toBe(130)
    expect(T('pool', jobs, { pool: 3 }).makespan).toBe(100)
  })

  it('50 clusters × 2 s, batch 10: sequential 100 s, batches 10 s', () => {
    const jobs = io(Array(50).fill(2000))
    expect(T('sequential', jobs).makespan).toBe(100_000)
    expect(T('batches', jobs).makespan).toBe(10_000)
  })

  it('1000 checks × 15 ms, pool 10: 1500 ms', () => {
    expect(T('pool', io(Array(1000).fill(15))).makespan).toBe(1500)
  })

  it('batch barriers fall at the end of each batch', () => {
    expect(T('batches', io([100, 100, 100, 100, 100]), { batch: 3 }).barriers).toEqual([100, 200])
  })
})

describe('oracle computeTheory: closed forms for io jobs hold on random inputs', () => {
  const rng = createRng(7)
  for (let trial = 0; trial < 20; trial++) {
    const n = 1 + rng.int(60)
    const ds = Array.from({ length: n }, () => Math.round(rng.uniform(1, 200)))
    const B = 1 + rng.int(12)
    it(`trial ${trial}: n=${n}, B=${B}`, () => {
      const jobs = io(ds)
      expect(T('sequential', jobs).makespan).toBe(ds.reduce((a, b) => a + b, 0))
      expect(T('unbounded', jobs).makespan).toBe(Math.max(...ds))
      let batches = 0
      for (let i = 0; i < n; i += B) batches += Math.max(...ds.slice(i, i + B))
      expect(T('batches', jobs, { batch: B }).makespan).toBe(batches)
      const lower = Math.max(Math.max(...ds), ds.reduce((a, b) => a + b, 0) / B)
      const pool = T('pool', jobs, { pool: B }).makespan
      expect(pool).toBeGreaterThanOrEqual(lower - 1e-9)
      expect(pool).toBeLessThanOrEqual(batches)
    })
  }
})

describe('oracle computeTheory: cpu is bounded by T threads', () => {
  it('8 × 100 ms cpu, pool 2, T = 2: 400 ms; pool 8, T = 2: also 400 ms', () => {
    const jobs = cpu(Array(8).fill(100))
    expect(T('pool', jobs, { pool: 2, threads: 2 }).makespan).toBe(400)
    expect(T('pool', jobs, { pool: 8, threads: 2 }).makespan).toBe(400)
  })

  it('unbounded cpu is list scheduling over T threads', () => {
    expect(T('unbounded', cpu(Array(10).fill(50)), { threads: 4 }).makespan).toBe(150)
  })

  it('mixed jobs overlap io with other jobs’ cpu', () => {
    // 4 jobs of 50 cpu + 50 io on one thread: cpu back to back, the last io ends at 250
    const jobs = Array.from({ length: 4 }, (_, id) => ({ id, cpu: 50, io: 50 }))
    expect(T('unbounded', jobs, { threads: 1 }).makespan).toBe(250)
    expect(T('sequential', jobs, { threads: 1 }).makespan).toBe(400)
  })

  it('a job waiting for a thread records when it got one', () => {
    const th = T('unbounded', cpu([100, 100, 100]), { threads: 2 })
    expect(th.jobs.map((j) => j.cpuStart)).toEqual([0, 0, 100])
    expect(th.jobs.map((j) => j.begin)).toEqual([0, 0, 0])
  })
})

describe('oracle computeTheory: lanes', () => {
  it('pool jobs run on worker lanes 2…P+1; batches and unbounded on lane 1 + job', () => {
    const jobs = io([10, 10, 10, 10])
    expect(T('pool', jobs, { pool: 2 }).jobs.map((j) => j.lane)).toEqual([2, 3, 2, 3])
    expect(T('pool', jobs, { pool: 2 }).lanes).toBe(4)
    expect(T('batches', jobs, { batch: 2 }).jobs.map((j) => j.lane)).toEqual([1, 2, 3, 4])
    expect(T('sequential', jobs).lanes).toBe(1)
  })
})
