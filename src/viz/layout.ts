import { State } from '../core/events'
import type { Scenario } from '../core/scenario'
import type { Trace } from '../core/trace'

/** What the timeline draws. Times in traces are real ms; the axis reads scenario ms. */
export interface TimelineInput {
  scenario: Scenario
  /** the ideal schedule (a trace on a virtual clock); null while it is being computed */
  theory: Trace | null
  trace: Trace | null
  /** time cursor, real ms since the run's origin; segments after it are not drawn yet */
  cursor: number
  /** whether to draw the cursor line (live run or replay) */
  showCursor: boolean
  /** goroutine ids to emphasise (the critical path) */
  highlight: readonly number[]
  /** scenario ms to show at once for a run that goes on until Stop (the axis slides); 0 = the whole run */
  window: number
  /** a time axis shared with other timelines (the compare view), scenario ms; overrides the rest */
  domain?: [number, number]
  /** segments to stand out (the others are dimmed), e.g. those spent on a picked code line; its identity names it */
  emphasize?: ((segment: number) => boolean) | null
  /** projector mode: large lane labels, thick bars */
  large?: boolean
  /**
   * One of several stacked timelines (the compare view): little room above and below, the axis only
   * where `axis` says, and no makespan labels (the stack's headers carry them).
   */
  compact?: { axis: boolean }
}

export interface TimelineOptions {
  /** the segment under the pointer changed (−1: none) */
  onHover?(segment: number, lane: number): void
  /** id of the text that describes the drawing (its text alternative), for the SVG's aria-describedby */
  describedBy?: string
}

export interface TimelineController {
  update(input: TimelineInput): void
  destroy(): void
}

/** Above this many bars (measured + ghost) the bars go to a canvas instead of SVG elements. */
export const SVG_BAR_LIMIT = 1200
/** Bars a job may need: its theory ghost plus up to three states (runnable, running, io). */
export const BARS_PER_JOB = 4
/** Direct handoffs drawn as arrows up to this many (beyond, they would hide the bars). */
export const MAX_ARROWS = 400

/** Opacity of bars that are not emphasised. */
export const DIMMED = 0.18

/** Margins, shared with the strips under the timeline so that all read on one time axis. */
export const M = { top: 34, right: 28, bottom: 40, left: 118 }

/**
 * Margins of a timeline `width` px wide (a compact one in a stack has little above and below), and
 * of the strips under it, which share its axis. In projector mode the lane names' column grows
 * with a wide timeline (up to 260 px), so that "Validate 2" is not cut to "Validate…" on a
 * 1920 px screen.
 */
export function marginsOf(input: Pick<TimelineInput, 'compact' | 'large'>, width = 0): { top: number; bottom: number; left: number } {
  const left = input.large ? Math.round(Math.min(260, Math.max(168, width * 0.14))) : M.left
  if (!input.compact) return { top: M.top + (input.large ? 8 : 0), bottom: M.bottom, left }
  return { top: input.compact.axis ? (input.large ? 34 : 26) : 4, bottom: 4, left }
}
export const MAX_PITCH = 56
/** Lane labels: px, normally and in projector mode. */
export const LABEL_PX = { normal: 18, large: 26 }

export interface Bar {
  key: number
  lane: number
  x0: number
  x1: number
  state: number
  job: number
}

/** Scenario ms the theory covers (its makespan for a run that ends; its horizon otherwise). */
export function theorySpan(theory: Trace | null): number {
  return theory ? theory.end / theory.timeScale : 0
}

/** How much a live run's axis widens at a time when the run outlasts its theory. */
const GROW = 1.25

/**
 * The x domain [xMin, xMax] in scenario ms: from 0 to the theory's makespan or what was measured,
 * whichever is longer; for a run that goes on until Stop, the last `window` ms up to the cursor.
 */
export function timeDomain(input: TimelineInput): { xMin: number; xMax: number; measuredEnd: number } {
  const { trace } = input
  const scale = trace ? trace.timeScale : input.scenario.shared.timeScale
  const measuredEnd = trace ? (isNaN(trace.endT) ? Math.min(trace.lastT, input.cursor) : trace.endT) / scale : 0
  if (input.domain) return { xMin: input.domain[0], xMax: input.domain[1], measuredEnd }
  if (input.window > 0) {
    const now = trace ? Math.min(input.cursor, trace.end) / scale : 0
    const xMax = Math.max(input.window, now)
    return { xMin: Math.max(trace ? trace.base / scale : 0, xMax - input.window), xMax, measuredEnd }
  }
  const known = Math.max(1, theorySpan(input.theory))
  const shown = Math.max(measuredEnd, input.showCursor ? input.cursor / scale : 0)
  // a live run beyond the theory widens the axis in steps of a quarter, not every frame: each
  // change of the axis redraws every bar drawn so far
  const span = trace && trace.status === 'running' && shown > known ? known * GROW ** Math.ceil(Math.log(shown / known) / Math.log(GROW) - 1e-9) : Math.max(known, shown)
  return { xMin: 0, xMax: span * 1.04, measuredEnd }
}

/** Lanes to draw: every goroutine of the run, or of the theory before a run. */
export function laneCount(input: Pick<TimelineInput, 'trace' | 'theory'>): number {
  return Math.max(input.theory ? input.theory.goroutines : 0, input.trace ? input.trace.goroutines : 0)
}

/** A lane's name from the run (or from the theory, where the run has not spawned it yet). */
export function laneNames(input: Pick<TimelineInput, 'trace' | 'theory'>, lanes: number): string[] {
  const out: string[] = []
  for (let g = 0; g < lanes; g++) {
    const from = input.trace && g < input.trace.goroutines ? input.trace : input.theory
    out.push(from && g < from.goroutines ? from.goroutineName(g) : '')
  }
  return out
}

/** Runs of consecutive lanes that share a group (a pipeline stage, a batch): [first, last, name]. */
export function laneGroups(input: Pick<TimelineInput, 'trace' | 'theory'>, lanes: number): [number, number, string][] {
  const out: [number, number, string][] = []
  for (let g = 0; g < lanes; g++) {
    const from = input.trace && g < input.trace.goroutines ? input.trace : input.theory
    const name = from && g < from.goroutines ? from.groupName(g) : ''
    const last = out[out.length - 1]
    if (name && last && last[2] === name && last[1] === g - 1) last[1] = g
    else if (name) out.push([g, g, name])
  }
  return out
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

/** Times (scenario ms) of the marks of `kind` up to the cursor. */
export function marksOf(tr: Trace, kind: string, cursor = Infinity): number[] {
  const out: number[] = []
  for (let i = 0; i < tr.mT.length; i++) {
    if (tr.mT.data[i] <= cursor && tr.text(tr.mKind.data[i]) === kind) out.push(tr.mT.data[i] / tr.timeScale)
  }
  return out
}
