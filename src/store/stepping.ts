import { Op, State } from '../core/events'
import type { Trace } from '../core/trace'
import { seek } from './actions'
import { store } from './app'
import { compareCursor, compareEnd, seekCompare } from './compareReplay'
import { cursorTime } from './playback'
import { pinStore } from './pins'
import { traceHub } from './traceHub'

/** The goroutine under the pointer on the timeline (−1: none); its state changes are events too. */
let hoveredLane = -1

export function setHoveredLane(lane: number): void {
  hoveredLane = lane
}

/**
 * The moments worth stopping at, real ms, sorted: every job's begin and end, every value a receiver
 * gets (handed over directly or taken from a buffer), every mark (a barrier, a close, a response),
 * every goroutine's exit, and the run's end. Moments closer together than a thousandth of the run
 * are one stop, at the last of them (four workers ending their jobs within µs of each other are one
 * step, after which all four are done). The state changes and the exit of goroutine `lane` (when
 * one is hovered) are stops of their own, each exactly.
 */
export function eventTimes(tr: Trace, lane: number): number[] {
  const ts: number[] = []
  const add = (t: number) => {
    if (!isNaN(t)) ts.push(t)
  }
  for (let i = 0; i < tr.xT.length; i++) {
    const op = tr.xOp.data[i]
    if (op === Op.Handoff || op === Op.Delivered) add(tr.xT.data[i])
  }
  for (let i = 0; i < tr.mT.length; i++) add(tr.mT.data[i])
  for (let j = 0; j < tr.jobIds; j++) {
    add(tr.jBegin.data[j])
    add(tr.jEnd.data[j])
  }
  for (let g = 0; g < tr.goroutines; g++) add(tr.gExit.data[g])
  const sorted = Float64Array.from(ts).toSorted()
  const gap = tr.end / 1000
  const stops: number[] = []
  let first = NaN
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] - first > gap) first = sorted[i]
    // the last moment of a group closes it
    if (i === sorted.length - 1 || sorted[i + 1] - first > gap) stops.push(sorted[i])
  }
  // the run's end is a stop of its own, and takes in a group that ends just before it
  while (stops.length > 0 && tr.end - stops[stops.length - 1] <= gap) stops.pop()
  stops.push(tr.end)
  if (lane >= 0) {
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === lane && tr.sState.data[s] !== State.Active) stops.push(tr.sT0.data[s])
    if (lane < tr.goroutines && !isNaN(tr.gExit.data[lane])) stops.push(tr.gExit.data[lane])
  }
  return [...new Set(stops)].toSorted((a, b) => a - b)
}

const EPS = 1e-6

/** The stop after (+1) or before (−1) `now` among `ts` (sorted), else the end or the start. */
function nextStop(ts: readonly number[], now: number, dir: 1 | -1, end: number): number {
  const next = dir > 0 ? ts.find((t) => t > now + EPS) : ts.findLast((t) => t < now - EPS)
  return next ?? (dir > 0 ? end : 0)
}

const comparing = () => store.getState().view.main === 'compare'

/** Moves the replay to the next (+1) or previous (−1) event; in the compare view, of any pinned run. */
export function stepEvent(dir: 1 | -1): void {
  if (comparing()) {
    const pins = pinStore.getState().pins
    if (pins.length === 0) return
    // on the runs' shared axis: scenario ms
    const ts = pins.flatMap((p) => eventTimes(p.trace, -1).map((t) => t / p.trace.timeScale)).toSorted((a, b) => a - b)
    seekCompare(nextStop(ts, compareCursor(store.getState().playback.speed), dir, compareEnd()))
    return
  }
  const tr = traceHub.get()
  if (!tr || tr.status === 'running') return
  seek(nextStop(eventTimes(tr, hoveredLane), cursorTime(store.getState().playback, tr.end), dir, tr.end))
}

/** Moves the replay by a share of the run (Shift + ← / →), or of the longest pinned run in the compare view. */
export function stepTime(share: number): void {
  if (comparing()) {
    if (pinStore.getState().pins.length > 0) seekCompare(compareCursor(store.getState().playback.speed) + share * compareEnd())
    return
  }
  const tr = traceHub.get()
  if (!tr) return
  seek(cursorTime(store.getState().playback, tr.end) + share * tr.end)
}
