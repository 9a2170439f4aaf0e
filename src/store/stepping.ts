import { Op, State } from '../core/events'
import type { Trace } from '../core/trace'
import { seek } from './actions'
import { store } from './app'
import { cursorTime } from './playback'
import { traceHub } from './traceHub'

/** The goroutine under the pointer on the timeline (−1: none); its state changes are events too. */
let hoveredLane = -1

export function setHoveredLane(lane: number): void {
  hoveredLane = lane
}

/**
 * The moments worth stopping at, real ms, sorted: every job's begin and end, every value a receiver
 * gets (handed over directly or taken from a buffer), every mark (a barrier, a close, a response),
 * every goroutine's exit, and the state changes of goroutine `lane` (when one is hovered). Moments
 * closer together than a thousandth of the run are one stop (four workers ending their jobs within
 * µs of each other are one step, not four).
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
  if (lane >= 0) {
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === lane && tr.sState.data[s] !== State.Active) add(tr.sT0.data[s])
  }
  add(tr.end)
  const sorted = Float64Array.from(ts).toSorted()
  const gap = tr.end / 1000
  const out: number[] = []
  for (const t of sorted) if (out.length === 0 || t - out[out.length - 1] > gap) out.push(t)
  // the run's end is always a stop of its own
  if (out[out.length - 1] !== tr.end) {
    if (tr.end - out[out.length - 1] <= gap) out.pop()
    out.push(tr.end)
  }
  return out
}

/** Moves the replay to the next (+1) or previous (−1) event. */
export function stepEvent(dir: 1 | -1): void {
  const tr = traceHub.get()
  if (!tr || tr.status === 'running') return
  const now = cursorTime(store.getState().playback, tr.end)
  const ts = eventTimes(tr, hoveredLane)
  const EPS = 1e-6
  const next = dir > 0 ? ts.find((t) => t > now + EPS) : ts.findLast((t) => t < now - EPS)
  seek(next ?? (dir > 0 ? tr.end : 0))
}

/** Moves the replay by a share of the run (Shift + ← / →). */
export function stepTime(share: number): void {
  const tr = traceHub.get()
  if (!tr) return
  seek(cursorTime(store.getState().playback, tr.end) + share * tr.end)
}
