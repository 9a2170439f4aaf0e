const HOUR = 3_600_000
const DAY = 24 * HOUR

/** "850 ms", "1.25 s", "1 m 40 s": durations in scenario ms, for axes and cards. */
export function formatMs(ms: number, digits = 0): string {
  if (!Number.isFinite(ms)) return '—'
  if (ms < 0) return `-${formatMs(-ms, digits)}`
  // the larger units round to their smaller part first, so 179.9 s is "3 m 0 s", never "2 m 60 s"
  if (ms >= 2 * DAY) {
    const h = Math.round(ms / HOUR)
    return `${formatCount(Math.floor(h / 24))} d ${h % 24} h`
  }
  if (ms >= 2 * HOUR) {
    const m = Math.round(ms / 60_000)
    return `${Math.floor(m / 60)} h ${m % 60} m`
  }
  if (ms >= 120_000) {
    const sec = Math.round(ms / 1000)
    return `${Math.floor(sec / 60)} m ${sec % 60} s`
  }
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`
  if (ms >= 1000) return `${(ms / 1000).toFixed(2).replace(/0$/, '').replace(/\.0$/, '')} s`
  if (ms >= 1 || ms === 0) return `${ms.toFixed(digits)} ms`
  return `${ms.toFixed(Math.max(digits, 2))} ms`
}

/**
 * The unit of a time axis that reaches `domainMax` ms: ms, then s from 2 s, h from 2 h, d from two
 * days (a file's times may reach years). Its ticks are chosen in this unit, so they are round in it.
 */
export function timeUnit(domainMax: number): { ms: number; suffix: string } {
  if (domainMax >= 2 * DAY) return { ms: DAY, suffix: 'd' }
  if (domainMax >= 2 * HOUR) return { ms: HOUR, suffix: 'h' }
  if (domainMax >= 2000) return { ms: 1000, suffix: 's' }
  return { ms: 1, suffix: 'ms' }
}

/** Axis tick labels: one unit for the whole axis, thousands grouped ("7,200 s"). */
export function tickFormatter(domainMax: number): (ms: number) => string {
  const u = timeUnit(domainMax)
  const digits = u.ms === 1 ? 1 : 2
  return (ms) => `${formatCount(+(ms / u.ms).toFixed(digits))} ${u.suffix}`
}

/**
 * A factor ("1.096", "94.0") that fits a card however far off it is: thousands grouped, millions
 * and more as a power of ten ("5.0e9"), and a positive factor too small for `digits` as "<0.01".
 */
export function formatFactor(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—'
  const a = Math.abs(x)
  if (a >= 1e6) return x.toExponential(1).replace('e+', 'e')
  if (a >= 1000) return formatCount(Math.round(x))
  if (x > 0 && x < 10 ** -digits / 2) return `<${(10 ** -digits).toFixed(digits)}`
  return x.toFixed(digits)
}

/** "1,000" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
