/** Seeded PRNG (mulberry32): the same seed gives the same scenario on every machine. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** uniform in [lo, hi) */
  uniform(lo: number, hi: number): number
  /** integer in [0, n) */
  int(n: number): number
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
  }
}
