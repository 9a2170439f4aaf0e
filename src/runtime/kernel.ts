/** Iterations between two looks at the cancel flag (about 10–20 µs of work). */
const CHUNK = 16_384

/**
 * A fixed amount of real computation: `iters` rounds of xorshift. It does not look at the clock, so
 * two jobs on one core really take twice as long: the core limit shows.
 * Returns false if `cancelled()` became true part-way.
 */
export function spin(iters: number, cancelled: () => boolean): { x: number; completed: boolean } {
  let x = 0x9e3779b9 | 0
  let left = iters
  while (left > 0) {
    const n = left < CHUNK ? left : CHUNK
    for (let i = 0; i < n; i++) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
    }
    left -= n
    if (cancelled()) return { x, completed: false }
  }
  return { x, completed: true }
}

/** Runs the kernel untimed so that the JIT has optimised it on this thread. */
export function warm(): void {
  spin(5_000_000, () => false)
}

/** How near the best long window must come to the best short one (see `calibrate`). */
const NEAR = 0.96
/** Short windows are used only with a clock this fine (ms): 5 µs when cross-origin isolated, 100 µs or more when not. */
const FINE_CLOCK = 0.02

/** Iterations per ms of one run of `spin(iters)`. */
function rateOf(iters: number): number {
  const never = () => false
  const t0 = performance.now()
  spin(iters, never)
  return iters / Math.max(performance.now() - t0, 0.01)
}

/** The smallest step of `performance.now()` seen in a few tries (ms). */
export function clockStep(now: () => number = () => performance.now()): number {
  let step = Infinity
  for (let k = 0; k < 5; k++) {
    const t0 = now()
    let t1 = now()
    for (let n = 0; t1 === t0 && n < 1e6; n++) t1 = now()
    if (t1 > t0) step = Math.min(step, t1 - t0)
  }
  return Number.isFinite(step) ? step : 1
}

/**
 * Iterations per ms of `spin` on this thread, after a warm-up. The best of 15 ms windows is the rate
 * least disturbed by other work on the machine, so a cpu job of d ms takes d ms on an uncontended
 * core and longer when it shares one: contention shows as ratio > 1.
 *
 * While other threads keep both cores busy (start-up, a scene's ideal schedules), every 15 ms window
 * may be shared, and a rate measured too low makes jobs shorter than planned: a ratio below 1, faster
 * than ideal. Short 2 ms windows, taken between the long ones, fit between the time slices the OS
 * hands out, so their best is a bound the long windows must come near (it runs a few per cent high
 * on an idle core). Until the best long window is within 4 % of it, more are taken, up to 40; if
 * none gets there, the rate is held to 96 % of the short bound. A short window is timed with the
 * clock's step added, so it never reads high by rounding; with a coarse clock (a page that is not
 * cross-origin isolated) there are no short windows, and the best of eight long ones is the rate.
 */
export function calibrate(measure: (iters: number) => number = rateOf, step = clockStep()): number {
  if (measure === rateOf) warm()
  const rough = measure(1_000_000)
  const long = Math.max(100_000, Math.round(rough * 15))
  const short = Math.max(10_000, Math.round(rough * 2))
  const fine = step <= FINE_CLOCK
  // a window of `iters` read as `rate` took iters / rate ms; one clock step more is its longest
  const slow = (rate: number, iters: number) => iters / (iters / rate + step)
  let bestLong = 0
  let bestShort = 0
  for (let k = 0; k < (fine ? 40 : 8); k++) {
    bestLong = Math.max(bestLong, measure(long))
    if (!fine) continue
    bestShort = Math.max(bestShort, slow(measure(short), short), slow(measure(short), short))
    if (k >= 7 && bestLong >= bestShort * NEAR) break
  }
  return Math.max(bestLong, bestShort * NEAR)
}
