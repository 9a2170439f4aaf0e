import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { computeMetrics, type Metrics } from '../core/metrics'
import type { Trace } from '../core/trace'
import { store, type AppState } from '../store/app'
import { liveRefreshMs } from '../store/pace'
import { traceHub } from '../store/traceHub'

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector)
}

interface TraceView {
  trace: Trace | null
  theory: Trace | null
  metrics: Metrics | null
}

function read(): TraceView {
  const trace = traceHub.get()
  const theory = traceHub.theory()
  return { trace, theory, metrics: trace ? computeMetrics(trace, theory) : null }
}

/**
 * The current run's trace, its ideal schedule and its metrics, recomputed at most every `ms` while
 * it grows (less often while cpu jobs may use every core: see store/pace.ts).
 */
export function useTraceMetrics(ms = 250): TraceView {
  const [state, setState] = useState<TraceView>(read)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRun = 0
    const compute = () => {
      timer = null
      lastRun = performance.now()
      setState(read())
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
