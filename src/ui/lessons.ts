import type { PatternId } from '../core/scenario'

/** One line per pattern: what to look for on the timeline. */
export const PATTERN_LESSON: Record<PatternId, string> = {
  sequential: 'one goroutine, one job after another: the makespan is Σd.',
  unbounded: 'a goroutine per item, all at once: fast for io, but nothing limits how many run (or how much cpu they want).',
  batches: 'B goroutines, then wg.Wait() before the next batch: one slow job holds its whole batch.',
  pool: 'P workers range over a jobs channel: a free worker takes the next job at once, the producer blocks when the buffer is full.',
}
