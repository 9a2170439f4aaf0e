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

/**
 * Iterations per ms of `spin` on this thread: the best of eight ~15 ms windows after a warm-up.
 * The best window is the one least disturbed by other work on the machine, so a cpu job of d ms
 * takes d ms on an uncontended core and longer when it shares one: contention shows as ratio > 1.
 */
export function calibrate(): number {
  const never = () => false
  warm()
  let iters = 1_000_000
  let t0 = performance.now()
  spin(iters, never)
  let dt = performance.now() - t0
  iters = Math.max(100_000, Math.round((iters / Math.max(dt, 0.01)) * 15))
  let best = 0
  for (let k = 0; k < 8; k++) {
    t0 = performance.now()
    spin(iters, never)
    dt = performance.now() - t0
    best = Math.max(best, iters / Math.max(dt, 0.01))
  }
  return best
}
