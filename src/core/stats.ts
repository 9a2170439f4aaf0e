/** The samples that are numbers, sorted ascending (a typed array: its sort is numeric and fast). */
function sortedSamples(samples: ArrayLike<number>): Float64Array {
  const xs = new Float64Array(samples.length)
  let n = 0
  for (let i = 0; i < samples.length; i++) if (!isNaN(samples[i])) xs[n++] = samples[i]
  return xs.subarray(0, n).toSorted()
}

function quantileOfSorted(xs: Float64Array, q: number): number {
  if (xs.length === 0) return NaN
  const pos = (xs.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)
}

/** Quantile of unsorted samples by linear interpolation (q in [0, 1]); NaN for no samples. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  return quantileOfSorted(sortedSamples(samples), q)
}

/** Several quantiles of the same samples, sorted once. */
export function quantiles(samples: ArrayLike<number>, qs: readonly number[]): number[] {
  const xs = sortedSamples(samples)
  return qs.map((q) => quantileOfSorted(xs, q))
}

/**
 * Largest number of intervals [start, end) open at once (an interval with no end stays open),
 * counting only what had happened by `at`: later starts are left out and later ends are still open.
 * Starts and ends are sorted apart (typed arrays, numeric sort) and swept together; an end at t
 * closes before a start at t opens. Called several times a second on 10,000 jobs while a run is live.
 */
export function peakOverlap(starts: ArrayLike<number>, ends: ArrayLike<number>, at = Infinity): number {
  const s = new Float64Array(starts.length)
  const e = new Float64Array(starts.length)
  let n = 0
  for (let i = 0; i < starts.length; i++) {
    if (isNaN(starts[i]) || starts[i] > at) continue
    s[n] = starts[i]
    e[n] = isNaN(ends[i]) || ends[i] > at ? Infinity : ends[i]
    n++
  }
  const ss = s.subarray(0, n).toSorted()
  const es = e.subarray(0, n).toSorted()
  let cur = 0
  let peak = 0
  let j = 0
  for (let i = 0; i < n; i++) {
    while (j < n && es[j] <= ss[i]) {
      cur--
      j++
    }
    cur++
    if (cur > peak) peak = cur
  }
  return peak
}
