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
import { Exit, State } from '../core/events'
import { formatCount, formatMs } from '../core/format'
import { workloadSummary } from '../core/shared'
import { peakOverlap } from '../core/stats'
import type { Trace } from '../core/trace'
import { cols, cut, makeAxis, pad, wrap, type Axis } from './asciiText'

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

const GLYPH = { working: '█', nextJob: '▐', blocked: '▒', waiting: '░', exitOk: '✓', exitCut: '✕', barrier: '^' } as const

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

/** What a bucket is drawn as: the three kinds of state a learner tells apart, or nothing. */
const WORKING = 0
const BLOCKED = 1
const WAITING = 2
const NONE = 3
const KIND_GLYPH = [GLYPH.working, GLYPH.blocked, GLYPH.waiting]

/** Kind by State code; Active (instant orchestration) and unknown codes draw nothing. */
const KIND_OF_STATE: readonly number[] = (() => {
  const k: number[] = Array.from({ length: 16 }, () => NONE)
  for (const s of [State.Running, State.Runnable, State.Io, State.Waking]) k[s] = WORKING
  for (const s of [State.BlockedSend, State.BlockedRecv, State.Select, State.Acquire]) k[s] = BLOCKED
  for (const s of [State.Barrier, State.Sleep]) k[s] = WAITING
  return k
})()

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

interface Coverage {
  /** time covered by each kind of state in each column: [column * 3 + kind] */
  cov: Float64Array
  /** columns where a job starts right after another one on this lane */
  nextJob: number[]
}

/**
 * Time covered by each kind of state in each of `columns` buckets of [0, spanMs] (scenario ms), for
 * the goroutines in `lanes`, and where one job follows another. Segments are clipped to the
 * goroutine's life.
 */
function coverage(tr: Trace, lanes: readonly number[], spanMs: number, columns: number): Coverage[] {
  const row = new Int32Array(tr.goroutines).fill(-1)
  lanes.forEach((g, i) => (row[g] = i))
  const out = lanes.map(() => new Float64Array(columns * 3))
  const scale = tr.timeScale
  const end = tr.end / scale
  const b = spanMs / columns
  // each lane's jobs in order: [job, first ms, last ms] (segments come in time order per goroutine);
  // a wait for a thread (drawn as working, with no job) opens the job that follows it
  const jobs: [number, number, number][][] = lanes.map(() => [])
  const opened = new Float64Array(lanes.length).fill(NaN)
  for (let s = 0; s < tr.segments; s++) {
    const g = tr.sG.data[s]
    if (g < 0 || g >= row.length || row[g] < 0) continue
    const kind = KIND_OF_STATE[tr.sState.data[s]] ?? NONE
    if (kind === NONE) continue
    const spawn = tr.gSpawn.data[g] / scale
    const exit = tr.gExit.data[g] / scale
    const raw1 = tr.sT1.data[s]
    let t0 = tr.sT0.data[s] / scale
    let t1 = isNaN(raw1) ? end : raw1 / scale
    if (!isNaN(spawn)) t0 = Math.max(t0, spawn)
    if (!isNaN(exit)) t1 = Math.min(t1, exit)
    t0 = Math.max(0, t0)
    t1 = Math.min(spanMs, t1)
    if (!(t1 > t0)) continue
    const lane = row[g]
    const cov = out[lane]
    const c0 = Math.min(columns - 1, Math.floor(t0 / b))
    const c1 = Math.min(columns - 1, Math.floor(t1 / b))
    for (let c = c0; c <= c1; c++) {
      const len = Math.min(t1, (c + 1) * b) - Math.max(t0, c * b)
      if (len > 0) cov[c * 3 + kind] += len
    }
    const job = tr.sJob.data[s]
    if (kind !== WORKING) {
      opened[lane] = NaN
      continue
    }
    if (job < 0) {
      if (isNaN(opened[lane])) opened[lane] = t0
      continue
    }
    const list = jobs[lane]
    const last = list[list.length - 1]
    if (last && last[0] === job) last[2] = Math.max(last[2], t1)
    else list.push([job, isNaN(opened[lane]) ? t0 : opened[lane], t1])
    opened[lane] = NaN
  }
  return out.map((cov, lane) => ({ cov, nextJob: nextJobColumns(jobs[lane], b) }))
}

/**
 * Columns where a job starts less than half a column after the one before it ends, both being at
 * least two columns long: shorter jobs would turn a bar into stripes.
 */
function nextJobColumns(jobs: readonly [number, number, number][], bucketMs: number): number[] {
  const out: number[] = []
  for (let i = 1; i < jobs.length; i++) {
    const [, a0, a1] = jobs[i - 1]
    const [, b0, b1] = jobs[i]
    if (b0 - a1 < bucketMs / 2 && a1 - a0 >= 2 * bucketMs && b1 - b0 >= 2 * bucketMs) out.push(Math.round(b0 / bucketMs))
  }
  return out
}

/**
 * One lane's bar from its coverage: a bucket is drawn where the goroutine spends at least half of
 * it in a drawn state, with the kind that covers most of it (ties: working, blocked, waiting). A
 * goroutine that was there but never for half a bucket still gets its fullest bucket, so a short
 * run on a long axis does not vanish. Returns the characters and the last drawn column (−1: none).
 */
function barOf(cov: Float64Array, columns: number, bucketMs: number): { chars: string[]; last: number } {
  const eps = bucketMs * 1e-9
  const chars: string[] = Array.from({ length: columns }, () => ' ')
  let last = -1
  let fullest = -1
  let fullestCov = eps
  const pick = (c: number): string => {
    let best = WORKING
    for (const k of [BLOCKED, WAITING]) if (cov[c * 3 + k] > cov[c * 3 + best] + eps) best = k
    return KIND_GLYPH[best]
  }
  for (let c = 0; c < columns; c++) {
    const present = cov[c * 3] + cov[c * 3 + 1] + cov[c * 3 + 2]
    if (present > fullestCov + eps) {
      fullestCov = present
      fullest = c
    }
    if (present > eps && present >= bucketMs / 2 - eps) {
      chars[c] = pick(c)
      last = c
    }
  }
  if (last < 0 && fullest >= 0) {
    chars[fullest] = pick(fullest)
    last = fullest
  }
  return { chars, last }
}

/** A lane's bar alone: `columns` buckets over [0, spanMs] scenario ms, then its exit mark (if it has exited). */
export function laneBar(tr: Trace, g: number, spanMs: number, columns: number): string {
  const bucketMs = spanMs / columns
  const [cov] = coverage(tr, [g], spanMs, columns)
  return renderBar(tr, g, cov, columns, bucketMs).replace(/ +$/, '')
}

function renderBar(tr: Trace, g: number, { cov, nextJob }: Coverage, columns: number, bucketMs: number): string {
  const { chars, last } = barOf(cov, columns, bucketMs)
  for (const c of nextJob) if (c > 0 && c < columns && chars[c] === GLYPH.working && chars[c - 1] === GLYPH.working) chars[c] = GLYPH.nextJob
  const exit = tr.gExit.data[g] / tr.timeScale
  if (!isNaN(exit)) {
    const at = last >= 0 ? last + 1 : Math.max(0, Math.min(columns, Math.round(exit / bucketMs)))
    const mark = tr.gExitHow.data[g] === Exit.Returned ? GLYPH.exitOk : GLYPH.exitCut
    while (chars.length <= at) chars.push(' ')
    chars[at] = mark
  }
  return chars.join('')
}

function barrierRow(tr: Trace, columns: number, bucketMs: number): string {
  const chars: string[] = Array.from({ length: columns + 1 }, () => ' ')
  for (let i = 0; i < tr.mT.length; i++) {
    if (tr.text(tr.mKind.data[i]) !== 'barrier') continue
    const c = Math.round(tr.mT.data[i] / tr.timeScale / bucketMs)
    if (c >= 0 && c <= columns) chars[c] = GLYPH.barrier
  }
  return chars.join('').replace(/ +$/, '')
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
