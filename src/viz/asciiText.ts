/**
 * The text pieces of the ASCII timelines (ascii.ts): widths in terminal columns, cutting, padding
 * and wrapping, and the time axis (ticks that land on whole columns) a diagram is laid out on.
 */
import { tickFormatter, timeUnit } from '../core/format'

/** Narrowest bar the axis leaves room for, and most ticks it draws. */
const MIN_BAR = 8
const MAX_TICKS = 6

/** Code points, not UTF-16 units: what a monospace terminal shows as columns. */
export function cols(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** `s` cut to `n` columns, ending in … when cut. */
export function cut(s: string, n: number): string {
  if (n <= 0) return ''
  const cps = [...s]
  return cps.length <= n ? s : cps.slice(0, n - 1).join('') + '…'
}

export function pad(s: string, n: number): string {
  const c = cols(s)
  return c >= n ? s : s + ' '.repeat(n - c)
}

/** Items joined by `sep`, wrapped into lines of at most `width` columns (an item too long alone is cut). */
export function wrap(items: readonly string[], sep: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const raw of items) {
    const item = cut(raw, width)
    if (line === '') line = item
    else if (cols(line) + cols(sep) + cols(item) <= width) line += sep + item
    else {
      lines.push(line)
      line = item
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** The shared geometry of one diagram (or of a stack of them on one time axis). */
export interface Axis {
  spanMs: number
  label: number
  columns: number
  bucketMs: number
  lines: [string, string]
}

/**
 * Candidate tick steps in ascending order, round in the axis's unit (`unit` ms: whole days on an
 * axis of days): 1, 2, 2.5 (from 25 ms on), 5 × 10^k units. In scenario ms.
 */
function steps(spanMs: number, unit: number): number[] {
  const out: number[] = []
  const top = Math.floor(Math.log10(spanMs / unit))
  for (let k = top - 2; k <= top + 1; k++) {
    const p = 10 ** k * unit
    for (const m of [1, 2, 2.5, 5]) if (m !== 2.5 || m * p >= 25) out.push(m * p)
  }
  return out
}

/** Picks the ticks (4–6 where they fit) and bar columns so that ticks fall on whole columns where possible. */
export function makeAxis(spanMs: number, label: number, width: number): Axis {
  const span = spanMs > 0 ? spanMs : 1
  const maxColumns = Math.max(MIN_BAR, width - label - 2)
  const fmt = tickFormatter(span)
  for (const step of [...steps(span, timeUnit(span).ms), Infinity]) {
    const ticks: number[] = [0]
    if (Number.isFinite(step)) for (let i = 1; i * step <= span * (1 + 1e-9); i++) ticks.push(i * step)
    if (ticks.length > MAX_TICKS) continue
    // fewest columns lost so that every tick lands on a whole column
    let columns = maxColumns
    for (let c = maxColumns; c >= Math.ceil(maxColumns * 0.85); c--) {
      if (ticks.every((t) => Math.abs((t / span) * c - Math.round((t / span) * c)) < 1e-6)) {
        columns = c
        break
      }
    }
    // tick labels may use the whole width (the last one is centred past the bars' end)
    const lineWidth = Math.max(width, label + 2 + columns)
    const texts: string[] = Array.from({ length: lineWidth }, () => ' ')
    const ruler: string[] = Array.from({ length: columns + 1 }, () => '-')
    let prevEnd = -Infinity
    let fits = true
    for (const t of ticks) {
      const col = Math.round((t / span) * columns)
      ruler[col] = '|'
      const text = fmt(t)
      const len = cols(text)
      const start = Math.max(0, Math.min(lineWidth - len, label + 1 + col - Math.floor(len / 2)))
      if (start < prevEnd + 2) {
        fits = false
        break
      }
      ;[...text].forEach((ch, i) => (texts[start + i] = ch))
      prevEnd = start + len
    }
    if (!fits && Number.isFinite(step)) continue
    return {
      spanMs: span,
      label,
      columns,
      bucketMs: span / columns,
      lines: [texts.join('').replace(/ +$/, ''), ' '.repeat(label + 1) + ruler.join('')],
    }
  }
  throw new Error('unreachable: the last candidate always fits')
}
