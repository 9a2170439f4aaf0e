import { describe, expect, it } from 'vitest'
import { defaultScenario, paramsFrom } from '../core/scenario'
import { effectiveThreads, parallelThreads } from '../core/shared'
import { PROGRAMS } from './programs'
import { REGISTRY } from './registry'
import { planTrace } from './theory'

const pool = (threads: number, kind: 'cpu' | 'io') => {
  const d = defaultScenario(REGISTRY)
  return { pattern: 'pool', shared: { ...d.shared, n: 8, d: 100, kind, threads }, params: paramsFrom(REGISTRY.module('pool'), { pool: 8, buffer: 8 }) }
}

describe('the theory knows the machine', () => {
  it('counts no more threads as parallel than the machine has cores', () => {
    const s = pool(32, 'cpu').shared
    expect(effectiveThreads(s, 2)).toBe(32)
    expect(parallelThreads(s, 2)).toBe(2)
    expect(parallelThreads(s, 64)).toBe(32)
    expect(parallelThreads({ ...s, threads: 0 }, 4)).toBe(4) // auto
    expect(parallelThreads(s, 0)).toBe(1) // an unknown machine computes on one
  })

  it('an ideal schedule of cpu work on 32 threads of a 2-core machine is that of 2 threads', async () => {
    const s = pool(32, 'cpu')
    const on2 = await planTrace(PROGRAMS, s, parallelThreads(s.shared, 2), 2)
    const on32 = await planTrace(PROGRAMS, s, parallelThreads(s.shared, 64), 64)
    // 8 jobs × 100 ms: 4 rounds on 2 cores, 1 round with a thread for each
    expect(on2.end / on2.timeScale).toBe(400)
    expect(on32.end / on32.timeScale).toBe(100)
  })

  it('io work does not need the cores: its ideal schedule is the same on any machine', async () => {
    const s = pool(32, 'io')
    const on2 = await planTrace(PROGRAMS, s, parallelThreads(s.shared, 2), 2)
    expect(on2.end / on2.timeScale).toBe(100)
  })
})
