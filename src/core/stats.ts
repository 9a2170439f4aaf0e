/** Quantile of unsorted samples by linear interpolation (q in [0, 1]); NaN for no samples. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  const xs = Array.from(samples)
    .filter((x) => !isNaN(x))
    .toSorted((a, b) => a - b)
  if (xs.length === 0) return NaN
  const pos = (xs.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
}

/** Largest number of intervals [start, end) open at once. */
export function peakOverlap(starts: ArrayLike<number>, ends: ArrayLike<number>): number {
  const pts: [number, number][] = []
  for (let i = 0; i < starts.length; i++) {
    if (isNaN(starts[i])) continue
    pts.push([starts[i], 1])
    pts.push([isNaN(ends[i]) ? Infinity : ends[i], -1])
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]) // an end at t closes before a start at t opens
  let cur = 0
  let peak = 0
  for (const [, delta] of pts) {
    cur += delta
    if (cur > peak) peak = cur
  }
  return peak
}
