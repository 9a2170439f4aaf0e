import { useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { computeMetrics, type Metrics } from '../core/metrics'
import { effectiveThreads, type Scenario } from '../core/scenario'
import { planScenario, type Theory } from '../core/theory'
import type { Trace } from '../core/trace'
import { store, type AppState } from '../store/app'
import { liveRefreshMs } from '../store/pace'
import { traceHub } from '../store/traceHub'

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector)
}

/** The ideal schedule of a scenario (what the next run should look like). */
export function useTheory(scenario: Scenario, hardwareConcurrency: number): Theory {
  return useMemo(() => {
    const threads = effectiveThreads(scenario, hardwareConcurrency)
    return planScenario(scenario, threads).theory
  }, [scenario, hardwareConcurrency])
}

/**
 * The current trace and its metrics, recomputed at most every `ms` while it grows (less often
 * while cpu jobs may use every core: see store/pace.ts).
 */
export function useTraceMetrics(ms = 250): { trace: Trace | null; metrics: Metrics | null } {
  const [state, setState] = useState<{ trace: Trace | null; metrics: Metrics | null }>(() => {
    const trace = traceHub.get()
    return { trace, metrics: trace ? computeMetrics(trace) : null }
  })
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRun = 0
    const compute = () => {
      timer = null
      lastRun = performance.now()
      const trace = traceHub.get()
      setState({ trace, metrics: trace ? computeMetrics(trace) : null })
    }
    const unsub = traceHub.subscribe((trace) => {
      const ended = !trace || trace.status !== 'running'
      const every = trace ? liveRefreshMs(trace, ms) : ms
      // computed in a task of its own, never inside the animation frame that applied the batch
      if (ended || performance.now() - lastRun > every) {
        if (timer) clearTimeout(timer)
        timer = setTimeout(compute, 0)
      } else if (!timer) timer = setTimeout(compute, every)
    })
    return () => {
      unsub()
      if (timer) clearTimeout(timer)
    }
  }, [ms])
  return state
}
