import { absNow } from '../runtime/clock'
import type { Playback } from './app'

/**
 * The time cursor now, in real ms since the run's origin. `end` is the trace's last time;
 * a still view shows everything.
 */
export function cursorTime(p: Playback, end: number, now = performance.now()): number {
  if (p.mode === 'live') return Math.max(0, absNow() - p.origin)
  if (p.mode === 'replay') {
    const t = p.playing ? p.anchorT + (now - p.anchorWall) * p.speed : p.anchorT
    return Math.min(Math.max(0, t), end)
  }
  return end
}
