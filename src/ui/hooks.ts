import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { useStore } from 'zustand'
import { computeMetrics, type Metrics } from '../core/metrics'
import type { Trace } from '../core/trace'
import { store, type AppState } from '../store/app'
import { liveRefreshMs, numbersEveryFrame, replayNumbersEveryFrame } from '../store/pace'
import { traceHub } from '../store/traceHub'

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector)
}

interface TraceView {
  trace: Trace | null
  theory: Trace | null
  metrics: Metrics | null
  /** the trace's version the metrics were computed from (-1 without a trace) */
  version: number
}

/** `at`: the moment of a replay (real ms since the run's origin), else all of the trace */
function read(at = Infinity): TraceView {
  const trace = traceHub.get()
  const theory = traceHub.theory()
  return { trace, theory, metrics: trace ? computeMetrics(trace, theory, at) : null, version: trace ? trace.version : -1 }
}

/**
 * The current run's trace, its ideal schedule and its metrics. While the timeline draws the live
 * run, they are recomputed in the frames it draws, so that the cards, the status line and the bars
 * on screen show the same moment of the run: in every frame it draws, or for a large run in the
 * first frame that draws a goroutine and then at most every `ms` (store/pace.ts: numbersEveryFrame).
 * Without a live timeline (another view is open), on a timer. A replay's frames do the same with
 * the numbers as they stood at the moment they draw, and its last frame (the end) shows them whole.
 */
export function useTraceMetrics(ms = 250): TraceView {
  const [state, setState] = useState<TraceView>(read)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastRun = 0
    let shown: Trace | null = null
    /** the numbers shown were computed before the run had any goroutine */
    let shownEmpty = true
    /** the moment of a replay the numbers shown are of (Infinity: the whole trace) */
    let shownAt = Infinity
    const compute = (at = Infinity) => {
      if (timer) clearTimeout(timer)
      timer = null
      lastRun = performance.now()
      shown = traceHub.get()
      shownEmpty = !shown || shown.goroutines === 0
      const view = read(at)
      // a moment only where the numbers are of one (not at the end, nor of a continuous run's window)
      shownAt = view.metrics && Number.isFinite(view.metrics.replayAt) ? at : Infinity
      setState(view)
    }
    const unsub = traceHub.subscribe((trace) => {
      // a new run, or one that has ended: at once (in a task of its own, never inside the
      // animation frame that applied the batch); otherwise the timeline's frames refresh the
      // numbers, and this timer only when no timeline draws the run
      if (!trace || trace.status !== 'running' || trace !== shown) {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => compute(shown === trace ? shownAt : Infinity), 0)
      } else if (!timer) timer = setTimeout(compute, 2 * liveRefreshMs(trace, ms))
    })
    /** `ms` since the last refresh, where a frame may come a little early (a few ms of slack) */
    const due = () => performance.now() - lastRun >= ms - DRAWN_SLACK_MS
    const unsubDrawn = traceHub.onDrawn((at) => {
      const trace = traceHub.get()
      if (!trace || trace !== shown) return
      if (trace.status !== 'running') {
        // the timeline shows the whole run again (or no longer draws it: another view is open)
        if (at === Infinity) {
          if (shownAt !== Infinity && !timer) timer = setTimeout(() => compute(), 0)
          return
        }
        // a replay's frame: a large run's numbers every `ms` while it plays; a replay that stops on
        // a moment (paused, stepped, scrubbed) draws no more frames, so that one refreshes them
        const end = at >= trace.end
        const playing = store.getState().playback.playing
        if (end ? shownAt === Infinity : playing && !replayNumbersEveryFrame(trace) && !due()) return
        flushSync(() => compute(at))
        return
      }
      // the first frame that draws anything refreshes them at once (no "0 goroutines" beside six
      // lanes for the first quarter second); then every frame (store/pace.ts: numbersEveryFrame)
      // or every `ms`, where a frame may come a little early: a few ms of slack keep the refresh
      // on the frame it was meant for
      if (shownEmpty) {
        if (trace.goroutines === 0) return
      } else if (!numbersEveryFrame(trace) && !due()) return
      flushSync(() => compute())
    })
    return () => {
      unsub()
      unsubDrawn()
      if (timer) clearTimeout(timer)
    }
  }, [ms])
  return state
}

/** How much earlier than due a live frame may refresh the numbers (frames do not land on the ms). */
const DRAWN_SLACK_MS = 8
