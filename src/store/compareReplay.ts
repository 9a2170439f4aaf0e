import { createStore } from 'zustand/vanilla'
import { pinStore } from './pins'

/**
 * The compare view's replay: one cursor in scenario ms for every pinned run (they may have been run
 * at different time scales), so that all of them play side by side on their shared axis.
 */
export interface CompareReplay {
  playing: boolean
  /** scenario ms at `anchorWall` */
  anchorT: number
  anchorWall: number
}

export const compareReplay = createStore<CompareReplay>()(() => ({ playing: false, anchorT: Infinity, anchorWall: 0 }))

/** The longest pinned run, scenario ms. */
export function compareEnd(): number {
  return Math.max(0, ...pinStore.getState().pins.map((p) => p.trace.end / p.trace.timeScale))
}

export function compareCursor(speed: number, now = performance.now()): number {
  const r = compareReplay.getState()
  const t = r.playing ? r.anchorT + (now - r.anchorWall) * speed : r.anchorT
  return Math.min(Math.max(0, t), compareEnd())
}

export function replayCompare(): void {
  compareReplay.setState({ playing: true, anchorT: 0, anchorWall: performance.now() })
}

export function togglePauseCompare(speed: number): void {
  const t = compareCursor(speed)
  const r = compareReplay.getState()
  const atEnd = t >= compareEnd()
  compareReplay.setState({ playing: !r.playing, anchorT: r.playing ? t : atEnd ? 0 : t, anchorWall: performance.now() })
}

export function seekCompare(t: number): void {
  compareReplay.setState({ playing: false, anchorT: Math.min(Math.max(0, t), compareEnd()), anchorWall: performance.now() })
}
