/** "850 ms", "1.25 s", "1 m 40 s": durations in scenario ms, for axes and cards. */
export function formatMs(ms: number, digits = 0): string {
  if (!Number.isFinite(ms)) return '—'
  const a = Math.abs(ms)
  if (a >= 7_200_000) return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} m`
  if (a >= 120_000) return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`
  if (a >= 10_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`
  if (a >= 1000) return `${(ms / 1000).toFixed(2).replace(/0$/, '').replace(/\.0$/, '')} s`
  if (a >= 1 || a === 0) return `${ms.toFixed(digits)} ms`
  return `${ms.toFixed(Math.max(digits, 2))} ms`
}

/** Axis tick labels: one unit for the whole axis. */
export function tickFormatter(domainMax: number): (ms: number) => string {
  if (domainMax >= 2000) return (ms) => `${+(ms / 1000).toFixed(2)} s`
  return (ms) => `${+ms.toFixed(1)} ms`
}

/** "1,000" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
