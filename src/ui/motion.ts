import { replay, seek, togglePause } from '../store/actions'
import { compareEnd, replayCompare, seekCompare, togglePauseCompare } from '../store/compareReplay'
import { notify } from '../store/notices'
import { traceHub } from '../store/traceHub'

/**
 * prefers-reduced-motion. What moves in this app, and what it does when the reader asks for less:
 * - a replay (R, Replay, K / Play) is an animation of a finished run: it jumps to its final frame,
 *   the whole run with the cursor at its end; stepping (`,` `.`, Shift + ← →) and the scrubber move
 *   the cursor in jumps, never in motion;
 * - a live run keeps updating: its bars are real time passing (jobs really waiting and computing),
 *   the content itself rather than an effect, like a progress bar; it is drawn at the pace it
 *   happens and Stop (Space) ends it at any time. Nothing eases or slides in (no CSS transitions
 *   or animations; styles.css turns off any that a browser might add).
 */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

const HINT = 'Reduced motion: a replay shows the finished run at once. Step through it with , and . (events) or Shift + ← → (5 %), or drag the replay position.'

function jumpToEnd(): void {
  const tr = traceHub.get()
  if (!tr) return
  seek(tr.end)
  notify('info', HINT)
}

/** R and Replay: from the start, or (reduced motion) the final frame at once. */
export function replayRun(): void {
  if (reducedMotion()) jumpToEnd()
  else replay()
}

/** K and Play / Pause. */
export function playPauseRun(): void {
  if (reducedMotion()) jumpToEnd()
  else togglePause()
}

/** The compare view's replay of its pinned runs together. */
export function replayPinned(): void {
  if (reducedMotion()) {
    seekCompare(compareEnd())
    notify('info', HINT)
  } else replayCompare()
}

export function playPausePinned(speed: number): void {
  if (reducedMotion()) replayPinned()
  else togglePauseCompare(speed)
}
