/**
 * The bars of a text timeline (ascii.ts lays out the rows around them): one character per time
 * bucket of a goroutine's life, by the kind of state that covers most of it, with ▐ where a job
 * starts right after another, its exit mark, and the barriers' row.
 */
import { Exit, State } from '../core/events'
import type { Trace } from '../core/trace'

export const GLYPH = { working: '█', nextJob: '▐', blocked: '▒', waiting: '░', exitOk: '✓', exitCut: '✕', barrier: '^' } as const

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

export interface Coverage {
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
export function coverage(tr: Trace, lanes: readonly number[], spanMs: number, columns: number): Coverage[] {
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

export function renderBar(tr: Trace, g: number, { cov, nextJob }: Coverage, columns: number, bucketMs: number): string {
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

export function barrierRow(tr: Trace, columns: number, bucketMs: number): string {
  const chars: string[] = Array.from({ length: columns + 1 }, () => ' ')
  for (let i = 0; i < tr.mT.length; i++) {
    if (tr.text(tr.mKind.data[i]) !== 'barrier') continue
    const c = Math.round(tr.mT.data[i] / tr.timeScale / bucketMs)
    if (c >= 0 && c <= columns) chars[c] = GLYPH.barrier
  }
  return chars.join('').replace(/ +$/, '')
}
