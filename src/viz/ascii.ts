/**
 * A recorded run as a plain-text timeline, in the style of a conference talk's ASCII diagrams: one
 * row per goroutine, one character per time bucket. Pure text (no DOM): for "Copy as ASCII".
 *
 *            0 ms     100 ms    200 ms
 *              |---------|---------|
 *   producer   ▒▒▒▒▒▒▒▒▒▒▒▒▒✓
 *   worker 1   █████████▐█████████▐████✓
 *
 * Where one job follows another with no gap, the new job's first column is drawn ▐, so a worker's
 * jobs stay apart when each is at least two columns long.
 */
import { formatCount, formatMs } from '../core/format'
import { workloadSummary } from '../core/shared'
import { peakOverlap } from '../core/stats'
import type { Trace } from '../core/trace'
import { GLYPH, barrierRow, coverage, renderBar } from './asciiBars'
import { cols, cut, makeAxis, pad, wrap, type Axis } from './asciiText'

export { laneBar } from './asciiBars'

export interface AsciiOptions {
  /** first line; by default the pattern id and the workload */
  title?: string
  /** columns of the widest line (default 100) */
  width?: number
  /** goroutine rows before the rest collapse into one summary row (default 24) */
  maxRows?: number
  /** the ideal makespan, scenario ms: shown beside the measured one with their ratio */
  theoryMs?: number
}

export interface AsciiRun {
  label: string
  trace: Trace
  theoryMs?: number
}

export interface AsciiCompareOptions {
  /** first line; by default the workload, when every run shares it */
  title?: string
  /** columns of the widest line (default 100) */
  width?: number
  /** goroutine rows per run before the rest collapse (default 12: four runs still fit a slide) */
  maxRows?: number
}

const LEGEND_ITEMS = [
  `${GLYPH.working} working`,
  `${GLYPH.blocked} blocked on a channel`,
  `${GLYPH.waiting} barrier or sleep`,
  `${GLYPH.exitOk} returned`,
  `${GLYPH.exitCut} cut off or panicked`,
] as const
/** in the legend of a diagram where a job follows another */
const NEXT_JOB_ITEM = `${GLYPH.nextJob} next job`

const DEFAULT_WIDTH = 100
const DEFAULT_ROWS = 24
const DEFAULT_COMPARE_ROWS = 12
/** the label column never grows past this (longer names are cut with …) */
const LABEL_CAP = 14
const BARRIER_LABEL = 'barriers'

function laneName(tr: Trace, g: number): string {
  return tr.goroutineName(g) || `g${g}`
}

/** Scenario ms the diagram of a trace covers: its end, or its last recorded time while it runs. */
function spanOf(tr: Trace): number {
  const end = tr.end / tr.timeScale
  return Number.isFinite(end) && end > 0 ? end : 0
}

/** The goroutines drawn as rows: all of them, or the first maxRows − 2, a summary, and the last. */
function pickLanes(tr: Trace, maxRows: number): { shown: number[]; hidden: number[] } {
  const n = tr.goroutines
  const rows = Number.isFinite(maxRows) ? Math.max(3, Math.floor(maxRows)) : DEFAULT_ROWS
  const all = Array.from({ length: n }, (_, g) => g)
  if (n <= rows) return { shown: all, hidden: [] }
  return { shown: [...all.slice(0, rows - 2), n - 1], hidden: all.slice(rows - 2, n - 1) }
}

function hasBarriers(tr: Trace): boolean {
  for (let i = 0; i < tr.mT.length; i++) if (tr.text(tr.mKind.data[i]) === 'barrier') return true
  return false
}

function labelWidth(names: readonly string[], width: number): number {
  let longest = 4
  for (const n of names) longest = Math.max(longest, cols(n))
  return Math.min(longest, LABEL_CAP, Math.max(4, Math.floor(width / 4)))
}

/** Names that take the label column in a trace's diagram (shown lanes and the barrier row). */
function labelNames(tr: Trace, maxRows: number): string[] {
  const names = pickLanes(tr, maxRows).shown.map((g) => laneName(tr, g))
  if (hasBarriers(tr)) names.push(BARRIER_LABEL)
  return names
}

/** Rows of one trace on an axis: goroutines (and a summary row for the collapsed ones), barriers; and whether a bar marks a next job. */
function laneRows(tr: Trace, axis: Axis, maxRows: number, width: number): { rows: string[]; nextJob: boolean } {
  if (tr.goroutines === 0) return { rows: ['(no goroutines recorded)'], nextJob: false }
  const { shown, hidden } = pickLanes(tr, maxRows)
  const covs = coverage(tr, shown, axis.spanMs, axis.columns)
  const rows: string[] = []
  let nextJob = false
  const row = (name: string, bar: string) => (pad(cut(name, axis.label), axis.label) + ' ' + bar).replace(/ +$/, '')
  shown.forEach((g, i) => {
    if (hidden.length > 0 && i === shown.length - 1) {
      const first = laneName(tr, hidden[0])
      const last = laneName(tr, hidden[hidden.length - 1])
      const which = hidden.length === 1 ? first : `${first} … ${last}`
      rows.push(cut(`… ${formatCount(hidden.length)} more goroutine${hidden.length === 1 ? '' : 's'} (${which})`, width))
    }
    const bar = renderBar(tr, g, covs[i], axis.columns, axis.bucketMs)
    nextJob ||= bar.includes(GLYPH.nextJob)
    rows.push(row(laneName(tr, g), bar))
  })
  if (hasBarriers(tr)) rows.push(row(BARRIER_LABEL, barrierRow(tr, axis.columns, axis.bucketMs)))
  return { rows, nextJob }
}

/** Measured time in scenario ms, and how to say it for the run's status. */
function measured(tr: Trace): { ms: number; text: string; done: boolean } {
  const ms = spanOf(tr)
  const t = formatMs(ms)
  switch (tr.status) {
    case 'done':
      return { ms, text: `makespan ${t}`, done: true }
    case 'stopped':
      return { ms, text: `stopped at ${t}: drawn up to its last recorded time`, done: false }
    case 'failed':
      return { ms, text: `failed at ${t}${tr.error ? `: ${tr.error}` : ''}`, done: false }
    default:
      return { ms, text: `still running, ${t} so far: drawn up to its last recorded time`, done: false }
  }
}

function ratioText(r: number): string {
  return r >= 10 ? formatCount(Math.round(r)) : (Math.round(r * 10) / 10).toFixed(1).replace(/\.0$/, '')
}

function totals(tr: Trace, theoryMs: number | undefined, width: number): string[] {
  const m = measured(tr)
  const items = [m.text]
  if (theoryMs !== undefined && Number.isFinite(theoryMs) && theoryMs > 0) {
    items.push(`theory ${formatMs(theoryMs)}${m.done ? ` (ratio ${(m.ms / theoryMs).toFixed(2)})` : ''}`)
  }
  const n = tr.goroutines
  const peak = peakOverlap(tr.gSpawn.data.subarray(0, n), tr.gExit.data.subarray(0, n))
  items.push(n === 1 ? '1 goroutine' : `${formatCount(n)} goroutines (peak ${formatCount(peak)})`)
  if (tr.jobsBegun > 0) items.push(`${formatCount(tr.jobsDone)} job${tr.jobsDone === 1 ? '' : 's'} done`)
  if (tr.base > 0) items.push(`detail before ${formatMs(tr.base / tr.timeScale)} was dropped`)
  return wrap(items, ' · ', width)
}

function defaultTitle(tr: Trace): string {
  const sc = tr.scenario
  if (!sc || !sc.shared || typeof sc.shared.n !== 'number') return sc?.pattern ?? 'run'
  return `${sc.pattern} · ${workloadSummary(sc.shared)}`
}

function widthOf(w: number | undefined): number {
  return w !== undefined && Number.isFinite(w) ? Math.max(40, Math.floor(w)) : DEFAULT_WIDTH
}

/** One run as a text timeline: title, time axis, a row per goroutine, legend and totals. */
export function asciiTimeline(tr: Trace, opts: AsciiOptions = {}): string {
  const width = widthOf(opts.width)
  const maxRows = opts.maxRows ?? DEFAULT_ROWS
  const out = [cut(opts.title ?? defaultTitle(tr), width)]
  let nextJob = false
  if (tr.goroutines > 0) {
    const axis = makeAxis(spanOf(tr), labelWidth(labelNames(tr, maxRows), width), width)
    const lanes = laneRows(tr, axis, maxRows, width)
    nextJob = lanes.nextJob
    out.push('', ...axis.lines, ...lanes.rows, '')
  } else out.push('(no goroutines recorded)')
  out.push(...legend(nextJob, width), ...totals(tr, opts.theoryMs, width))
  return out.join('\n')
}

/** The legend, with ▐ when the bars above draw it. */
function legend(nextJob: boolean, width: number): string[] {
  return wrap(nextJob ? [LEGEND_ITEMS[0], NEXT_JOB_ITEM, ...LEGEND_ITEMS.slice(1)] : LEGEND_ITEMS, '  ', width)
}

function compareTitle(runs: readonly AsciiRun[]): string {
  const summaries = new Set(runs.map((r) => (r.trace.scenario?.shared ? workloadSummary(r.trace.scenario.shared) : '')))
  const [only] = summaries
  const what = `${runs.length} run${runs.length === 1 ? '' : 's'} on one time axis`
  return summaries.size === 1 && only ? `${only} · ${what}` : what
}

/** "Sequential 5 s · Unbounded 50 ms (100× faster) · …": each run against the first. */
function compareSummary(runs: readonly AsciiRun[], width: number): string[] {
  const base = measured(runs[0].trace)
  const items = runs.map((r, i) => {
    const m = measured(r.trace)
    const head = `${r.label} ${formatMs(m.ms)}${m.done ? '' : ` (${r.trace.status})`}`
    if (i === 0 || !m.done || !base.done || !(m.ms > 0) || !(base.ms > 0)) return head
    const r1 = base.ms / m.ms
    if (Math.abs(r1 - 1) < 0.005) return `${head} (same)`
    return r1 > 1 ? `${head} (${ratioText(r1)}× faster)` : `${head} (${ratioText(1 / r1)}× slower)`
  })
  return wrap(items, ' · ', width)
}

/** Several runs stacked on one shared time axis (the longest run sets it), then how each compares with the first. */
export function asciiCompare(runs: readonly AsciiRun[], opts: AsciiCompareOptions = {}): string {
  const width = widthOf(opts.width)
  const maxRows = opts.maxRows ?? DEFAULT_COMPARE_ROWS
  if (runs.length === 0) return cut(opts.title ?? 'nothing to compare', width)
  const out = [cut(opts.title ?? compareTitle(runs), width)]
  const span = Math.max(0, ...runs.map((r) => spanOf(r.trace)))
  const label = labelWidth(runs.flatMap((r) => labelNames(r.trace, maxRows)), width)
  const axis = makeAxis(span, label, width)
  const rule = (name: string) => {
    const head = `── ${cut(name, width - 4)} `
    return head + '─'.repeat(Math.max(0, Math.min(width, axis.label + 2 + axis.columns) - cols(head)))
  }
  out.push('', ...axis.lines)
  let nextJob = false
  for (const r of runs) {
    const indent = ' '.repeat(axis.label + 1)
    const lanes = laneRows(r.trace, axis, maxRows, width)
    nextJob ||= lanes.nextJob
    out.push(rule(r.label), ...lanes.rows, ...totals(r.trace, r.theoryMs, width - indent.length).map((l) => indent + l))
  }
  out.push(...axis.lines.toReversed(), '', ...legend(nextJob, width), ...compareSummary(runs, width))
  return out.join('\n')
}
