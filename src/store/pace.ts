import type { Trace } from '../core/trace'

/**
 * How often the screen refreshes during a live run. Every frame and every React commit costs cpu:
 * on a 2-core machine without a GPU a live frame of a small cpu run took ~15 ms of the main thread
 * plus ~10 ms of raster and compositing, all of it taken from the jobs being measured. When a run's
 * cpu jobs may use every core, the screen steps down to leave the cores to them: 3 frames a second
 * take ~75 of every 2,000 core-ms (8 × 100 ms on T = 2: measured / theory 1.11 at 3 fps, 1.14 at
 * 5 fps, 1.09 with no live frame at all; medians of 30 runs each). A large run draws at half rate. Replay is
 * not measured and always runs at full rate.
 */
export const SATURATED_FPS = 3

/** Whether the run's cpu jobs can keep every core of the machine busy. */
export function saturatesCores(tr: Trace): boolean {
  return usesCpu(tr) && tr.meta.threads >= tr.meta.hardwareConcurrency
}

/** A run of more items than this is large: drawn at half rate, its numbers refreshed 4 times a second. */
const LARGE_RUN = 2000

/** Frames per second of the live timeline. */
export function liveFps(tr: Trace): number {
  if (saturatesCores(tr)) return SATURATED_FPS
  return usesCpu(tr) || tr.scenario.shared.n > LARGE_RUN ? 30 : 60
}

/**
 * Whether every live frame of the timeline refreshes the live numbers (progress, cards) too, so
 * that they never lag the bars (ui/hooks.ts: useTraceMetrics): a slowed live view, and any run that
 * is not large (computing its numbers takes well under a ms). A large run's are refreshed every
 * 250 ms: recomputing them at every frame would cost more than the frame.
 */
export function numbersEveryFrame(tr: Trace): boolean {
  return saturatesCores(tr) || tr.scenario.shared.n <= LARGE_RUN
}

/**
 * Whether every frame of a replay refreshes the numbers (they are then of the moment it draws): any
 * run that is not large. A replay draws at 60 fps whatever its run's pace was, and a large run's
 * numbers are refreshed every 250 ms while it plays (and at once when it stops on a moment).
 */
export function replayNumbersEveryFrame(tr: Trace): boolean {
  return tr.scenario.shared.n <= LARGE_RUN
}

/** Interval (ms) between refreshes of live numbers that are `baseMs` normally, when no timeline draws the run. */
export function liveRefreshMs(tr: Trace, baseMs: number): number {
  return saturatesCores(tr) ? 1000 / SATURATED_FPS : baseMs
}

/** Whether the run (or the ideal schedule) has cpu work: jobs that need a thread. */
export function usesCpu(tr: Trace): boolean {
  if (tr.scenario.shared.kind !== 'io') return true
  for (let j = 0; j < tr.jobIds; j++) if (tr.jCpu.data[j] > 0) return true
  return false
}
