import type { Scenario } from '../core/scenario'
import { State } from '../core/events'
import type { Theory } from '../core/theory'
import type { Trace } from '../core/trace'

/** What the timeline draws. Times in the trace are real ms; the axis reads scenario ms. */
export interface TimelineInput {
  scenario: Scenario
  theory: Theory
  trace: Trace | null
  /** time cursor, real ms since the run's origin; segments after it are not drawn yet */
  cursor: number
  /** whether to draw the cursor line (live run or replay) */
  showCursor: boolean
}

export interface TimelineController {
  update(input: TimelineInput): void
  destroy(): void
}

/** Above this many bars (measured + ghost) the bars go to a canvas instead of SVG elements. */
export const SVG_BAR_LIMIT = 1200
/** Bars a job may need: its theory ghost plus up to three states (runnable, running, io). */
export const BARS_PER_JOB = 4

/** Margins, shared with the channel chart so both read on one time axis. */
export const M = { top: 34, right: 28, bottom: 40, left: 104 }
export const MAX_PITCH = 56

export interface Bar {
  key: number
  lane: number
  x0: number
  x1: number
  state: number
  job: number
}

/** The x domain [0, xMax] in scenario ms: the theory's makespan or what was measured, whichever is longer. */
export function timeDomain(input: TimelineInput): { xMax: number; measuredEnd: number } {
  const { trace, theory } = input
  const scale = trace ? trace.scenario.timeScale : input.scenario.timeScale
  const measuredEnd = trace ? (isNaN(trace.endT) ? Math.min(trace.lastT, input.cursor) : trace.endT) / scale : 0
  const xMax = Math.max(1, theory.makespan, measuredEnd, input.showCursor ? input.cursor / scale : 0) * 1.04
  return { xMax, measuredEnd }
}

/**
 * Calls `fn` for every segment worth a bar (not the instant `Active` ones) that has begun by the
 * cursor, clipped to it, in scenario ms. Allocates nothing: it runs every frame over up to ~50,000.
 */
export function forEachBar(
  tr: Trace,
  cursor: number,
  scale: number,
  fn: (seg: number, lane: number, x0: number, x1: number, state: number, job: number) => void,
): void {
  const end = isNaN(tr.endT) ? cursor : Math.min(cursor, tr.endT)
  const { sState, sT0, sT1, sG, sJob } = tr
  for (let s = 0; s < tr.segments; s++) {
    const state = sState.data[s]
    if (state === State.Active) continue
    const t0 = sT0.data[s]
    if (t0 > cursor) continue
    let t1 = sT1.data[s]
    if (isNaN(t1) || t1 > cursor) t1 = end
    if (t1 < t0) t1 = t0
    fn(s, sG.data[s], t0 / scale, t1 / scale, state, sJob.data[s])
  }
}
