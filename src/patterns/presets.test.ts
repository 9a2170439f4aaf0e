import { describe, expect, it } from 'vitest'
import { checkInvariants } from '../core/invariants'
import { computeMetrics } from '../core/metrics'
import { DEADLOCK } from '../core/runtime'
import { compareLabel, compareScenario, presetScenario } from '../core/scenario'
import { effectiveThreads } from '../core/shared'
import type { Trace } from '../core/trace'
import type { Expectation } from './module'
import { PROGRAMS } from './programs'
import { REGISTRY } from './registry'
import { randomScenario } from './testkit'
import { planTrace } from './theory'

const THREADS = 2

function metricOf(tr: Trace, e: Expectation): number {
  const m = computeMetrics(tr, tr)
  if (e.metric === 'makespan') return tr.endT / tr.timeScale
  if (e.metric === 'jobs') return tr.jobsDone
  if (e.metric === 'goroutines') return m.totalGoroutines
  return m.peakGoroutines
}

function holds(actual: number, e: Expectation): boolean {
  if (e.relation === '>=') return actual >= e.value - 1e-6
  if (e.relation === '<=') return actual <= e.value + 1e-6
  return Math.abs(actual - e.value) < 1e-6 * Math.max(1, Math.abs(e.value))
}

async function theoryOf(s: Parameters<typeof planTrace>[1]): Promise<Trace> {
  return planTrace(PROGRAMS, s, effectiveThreads(s.shared, THREADS))
}

describe('every preset reproduces the talk’s numbers in theory (SCENARIOS.md §11)', () => {
  for (const preset of REGISTRY.presets) {
    it(`${preset.id}`, async () => {
      const s = presetScenario(REGISTRY, preset)
      const tr = await theoryOf(s)
      if (REGISTRY.module(s.pattern).continuous?.(s.params as never)) {
        // runs until Stop: the ideal schedule covers a horizon and ends there
        expect(tr.status, tr.error).toBe('stopped')
        expect(checkInvariants(tr)).toEqual([])
        return
      }
      if (preset.expect?.deadlock) {
        expect(tr.status).toBe('failed')
        expect(tr.error).toContain(DEADLOCK)
        return
      }
      expect(tr.status, tr.error).toBe('done')
      expect(checkInvariants(tr)).toEqual([])
      if (preset.expect?.makespan !== undefined) expect(tr.endT / tr.timeScale).toBeCloseTo(preset.expect.makespan, 6)
      for (const c of preset.compare ?? []) {
        const want = preset.expect?.[`makespan:${compareLabel(c)}`]
        const ct = await theoryOf(compareScenario(REGISTRY, preset, c))
        expect(ct.status, ct.error).toBe('done')
        if (want !== undefined) expect(ct.endT / ct.timeScale, compareLabel(c)).toBeCloseTo(want, 6)
      }
      const expectations = await REGISTRY.module(s.pattern).expectations()
      for (const e of expectations(s)) expect(holds(metricOf(tr, e), e), `${e.what}: ${metricOf(tr, e)} vs ${e.value}`).toBe(true)
    })
  }
})

describe('each module’s closed forms hold for its ideal schedules, and every trace keeps the invariants', () => {
  for (const mod of REGISTRY.modules) {
    it(`${mod.id}: 40 seeded random scenarios`, async () => {
      const expectations = await mod.expectations()
      for (let seed = 1; seed <= 40; seed++) {
        const s = randomScenario(mod.id, seed * 7919)
        const tr = await theoryOf(s)
        const where = `${mod.id} seed ${seed}: ${JSON.stringify(s.params)} ${JSON.stringify(s.shared)}`
        expect(checkInvariants(tr), where).toEqual([])
        if (tr.status === 'failed' && mod.mayDeadlock?.(s.params as never) && tr.error.startsWith(DEADLOCK)) continue
        expect(tr.status, `${where} ${tr.error}`).toBe('done')
        for (const e of expectations(s)) expect(holds(metricOf(tr, e), e), `${where}: ${e.what} = ${metricOf(tr, e)}, expected ${e.relation ?? '='} ${e.value}`).toBe(true)
      }
    })
  }
})
