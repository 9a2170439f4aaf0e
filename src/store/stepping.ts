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
 * The moments worth stopping at, real ms, sorted: every direct handoff, every mark (a barrier, a
 * close, a response), and the state changes of goroutine `lane` (when one is hovered).
 */
export function eventTimes(tr: Trace, lane: number): number[] {
  const ts: number[] = []
  for (let i = 0; i < tr.xT.length; i++) if (tr.xOp.data[i] === Op.Handoff) ts.push(tr.xT.data[i])
  for (let i = 0; i < tr.mT.length; i++) ts.push(tr.mT.data[i])
  if (lane >= 0) {
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === lane && tr.sState.data[s] !== State.Active) ts.push(tr.sT0.data[s])
    if (lane < tr.goroutines && !isNaN(tr.gExit.data[lane])) ts.push(tr.gExit.data[lane])
  }
  ts.push(tr.end)
  return [...new Set(ts)].toSorted((a, b) => a - b)
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
