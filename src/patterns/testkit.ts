/** Helpers for tests: scenarios by hand and their ideal schedules. Not imported by the app. */
import type { ParamValue } from '../core/params'
import { defaultParams, type Scenario } from '../core/scenario'
import { DEFAULT_SHARED, type SharedValues } from '../core/shared'
import type { Trace } from '../core/trace'
import { REGISTRY, type Registry } from './registry'
import { planTrace } from './theory'

export function scenarioOf(pattern: string, shared: Partial<SharedValues> = {}, params: Record<string, ParamValue> = {}, registry: Registry = REGISTRY): Scenario {
  return { pattern, shared: { ...DEFAULT_SHARED, ...shared }, params: { ...defaultParams(registry.module(pattern)), ...params } }
}

/** The scenario's run on a virtual clock with `threads` threads. */
export function virtual(pattern: string, shared: Partial<SharedValues> = {}, params: Record<string, ParamValue> = {}, threads = 2): Promise<Trace> {
  return planTrace(REGISTRY, scenarioOf(pattern, shared, params), threads)
}

/** Measured makespan of a trace in scenario ms. */
export function makespan(tr: Trace): number {
  return tr.endT / tr.timeScale
}
