/**
 * The Performance object, looked up once. In a worker `performance` is a getter on the global
 * scope, and reading that global cost as much again as now() itself (Chromium worker: ~300 ns for
 * `performance.now()`, ~80 ns for `perf.now()`); the runtime reads the clock for its trace events.
 */
export const perf: Performance = performance

/** One clock for every thread: absolute ms since the epoch, with the performance timer's resolution. */
export function absNow(): number {
  return perf.timeOrigin + perf.now()
}
