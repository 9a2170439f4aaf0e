/** Helpers for tests: scenarios by hand and their ideal schedules. Not imported by the app. */
import type { FieldSpec, FieldValue, ParamSpec, ParamValue } from '../core/params'
import { createRng } from '../core/rng'
import { defaultParams, paramsFrom, type Scenario } from '../core/scenario'
import { DEFAULT_SHARED, type SharedValues } from '../core/shared'
import type { Trace } from '../core/trace'
import { PROGRAMS } from './programs'
import { REGISTRY, type Registry } from './registry'
import { planTrace } from './theory'

export function scenarioOf(pattern: string, shared: Partial<SharedValues> = {}, params: Record<string, ParamValue> = {}, registry: Registry = REGISTRY): Scenario {
  return { pattern, shared: { ...DEFAULT_SHARED, ...shared }, params: { ...defaultParams(registry.module(pattern)), ...params } }
}

/** The scenario's run on a virtual clock with `threads` threads. */
export function virtual(pattern: string, shared: Partial<SharedValues> = {}, params: Record<string, ParamValue> = {}, threads = 2): Promise<Trace> {
  return planTrace(PROGRAMS, scenarioOf(pattern, shared, params), threads)
}

/** Measured makespan of a trace in scenario ms. */
export function makespan(tr: Trace): number {
  return tr.endT / tr.timeScale
}

/** A valid scenario of `pattern` with seeded random parameters, kept small so that it runs fast. */
export function randomScenario(pattern: string, seed: number, registry: Registry = REGISTRY): Scenario {
  const rng = createRng(seed)
  const mod = registry.module(pattern)
  const params: Record<string, ParamValue> = {}
  const pick = (spec: FieldSpec | ParamSpec): ParamValue => {
    if (spec.type === 'number') {
      const hi = Math.min(spec.max, spec.min + (spec.integer ? 12 : 5))
      const v = spec.min + rng.next() * (hi - spec.min)
      return spec.integer ? Math.round(v) : Math.round(v * 10) / 10
    }
    if (spec.type === 'choice') return spec.options[rng.int(spec.options.length)].value
    if (spec.type === 'toggle') return false
    if (spec.type === 'text') return `${spec.default}${rng.int(9)}`
    const n = spec.minItems + rng.int(Math.min(spec.maxItems, spec.minItems + 4) - spec.minItems + 1)
    return Array.from({ length: n }, (_, i) => {
      const item: Record<string, FieldValue> = { ...spec.newItem(i) }
      for (const f of spec.fields) if (f.type !== 'text') item[f.key] = pick(f) as FieldValue
      return item
    })
  }
  for (const spec of mod.params) params[spec.key] = pick(spec)
  const shared: Partial<SharedValues> = { n: 1 + rng.int(40), d: 1 + rng.int(80), kind: (['io', 'cpu', 'mixed'] as const)[rng.int(3)], variation: rng.next() < 0.5 ? 'none' : 'uniform', seed: rng.int(1000) }
  return { pattern, shared: { ...DEFAULT_SHARED, ...shared }, params: paramsFrom(mod, params) }
}
