import { Exit, JobStatus, State } from '../core/events'
import type { Trace } from '../core/trace'

/**
 * The timeline as text: one row per goroutine (lane = goroutine id) with the time it spent in each
 * state, its jobs and its life span. It is the timeline's text alternative (a table a screen reader
 * can read), computed from the trace alone.
 */

/** Time columns: the states of the legend, then everything else a goroutine can wait in. */
export const SUMMARY_STATES = ['running', 'runnable', 'io', 'send', 'recv', 'barrier', 'other'] as const
export type SummaryState = (typeof SUMMARY_STATES)[number]

/** Column headings, as the legend names the states. */
export const SUMMARY_STATE_LABELS: Record<SummaryState, string> = {
  running: 'Running on a thread',
  runnable: 'Runnable',
  io: 'Waiting on io',
  send: 'Blocked on send',
  recv: 'Blocked on receive',
  barrier: 'At a barrier',
  other: 'Other waits',
}

/**
 * State code → column. The instant `Active` segments (a goroutine's own orchestration between
 * blocking calls, not drawn as bars) count nowhere; waking (message latency after cpu work),
 * sleep, semaphore and select waits count as "other".
 */
const COLUMN_OF: Partial<Record<number, SummaryState>> = {
  [State.Running]: 'running',
  [State.Runnable]: 'runnable',
  [State.Io]: 'io',
  [State.BlockedSend]: 'send',
  [State.BlockedRecv]: 'recv',
  [State.Barrier]: 'barrier',
  [State.Waking]: 'other',
  [State.Sleep]: 'other',
  [State.Acquire]: 'other',
  [State.Select]: 'other',
}

export type LaneEnd = 'returned' | 'cancelled' | 'panicked' | 'alive'

export interface LaneRow {
  /** goroutine id (= lane); −1 for the row that sums up the lanes not listed */
  lane: number
  name: string
  /** its group (a pipeline stage, a batch); '' = none */
  group: string
  /** jobs it finished (done) by the cursor */
  jobsDone: number
  /** jobs it ended otherwise (failed, dropped, cancelled) by the cursor */
  jobsOther: number
  /** scenario ms in each state up to the cursor */
  time: Record<SummaryState, number>
  /** scenario ms: spawned (the rest row: the earliest) */
  start: number
  /** scenario ms: exited (NaN while alive at the cursor; the rest row: the latest exit) */
  end: number
  how: LaneEnd
  /** goroutines the row stands for (1, or the count of the rest) */
  count: number
}

export interface LaneSummary {
  /** the first `limit` lanes, in lane order */
  rows: LaneRow[]
  /** the lanes after them, summed (null when every lane is listed) */
  rest: LaneRow | null
  lanes: number
  /** states that some goroutine spent time in: the columns worth showing */
  states: SummaryState[]
  /** whether any lane has a group */
  grouped: boolean
  /** scenario ms covered: [from, to]; `from` > 0 when a run that goes on until Stop kept only its last stretch */
  span: [number, number]
}

const zero = (): Record<SummaryState, number> => ({ running: 0, runnable: 0, io: 0, send: 0, recv: 0, barrier: 0, other: 0 })

/**
 * Sums the trace per goroutine up to `cursor` (real ms since the run's origin; default: all that
 * is recorded). Lists the first `limit` lanes; the others become one summary row.
 */
export function summarizeLanes(tr: Trace, opts: { limit?: number; cursor?: number } = {}): LaneSummary {
  const limit = Math.max(0, opts.limit ?? Infinity)
  const cursor = Math.min(opts.cursor ?? Infinity, tr.end)
  const scale = tr.timeScale
  const lanes = tr.goroutines
  const time = Array.from({ length: lanes }, zero)
  const done = new Int32Array(lanes)
  const other = new Int32Array(lanes)
  const used = new Set<SummaryState>()
  for (let s = 0; s < tr.segments; s++) {
    const col = COLUMN_OF[tr.sState.data[s]]
    if (!col) continue
    const t0 = tr.sT0.data[s]
    if (t0 >= cursor) continue
    const t1 = tr.sT1.data[s]
    const end = isNaN(t1) ? cursor : Math.min(t1, cursor)
    if (end <= t0) continue
    time[tr.sG.data[s]][col] += (end - t0) / scale
    used.add(col)
  }
  for (let j = 0; j < tr.jobIds; j++) {
    const g = tr.jG.data[j]
    const status = tr.jStatus.data[j]
    if (g < 0 || g >= lanes || status < 0 || tr.jEnd.data[j] > cursor) continue
    if (status === JobStatus.Done) done[g]++
    else other[g]++
  }
  const rowOf = (g: number): LaneRow => {
    const exit = tr.gExit.data[g]
    const ended = !isNaN(exit) && exit <= cursor
    const how = tr.gExitHow.data[g]
    return {
      lane: g,
      name: tr.goroutineName(g),
      group: tr.groupName(g),
      jobsDone: done[g],
      jobsOther: other[g],
      time: time[g],
      start: tr.gSpawn.data[g] / scale,
      end: ended ? exit / scale : NaN,
      how: !ended ? 'alive' : how === Exit.Returned ? 'returned' : how === Exit.Panicked ? 'panicked' : 'cancelled',
      count: 1,
    }
  }
  const shown = Math.min(lanes, limit)
  const rows: LaneRow[] = []
  for (let g = 0; g < shown; g++) if (!isNaN(tr.gSpawn.data[g]) && tr.gSpawn.data[g] <= cursor) rows.push(rowOf(g))
  let rest: LaneRow | null = null
  if (lanes > shown) {
    const sum = zero()
    let jobsDone = 0
    let jobsOther = 0
    let start = Infinity
    let end = -Infinity
    let alive = 0
    let cutOff = 0
    let count = 0
    for (let g = shown; g < lanes; g++) {
      const spawn = tr.gSpawn.data[g]
      if (isNaN(spawn) || spawn > cursor) continue
      count++
      for (const k of SUMMARY_STATES) sum[k] += time[g][k]
      jobsDone += done[g]
      jobsOther += other[g]
      start = Math.min(start, spawn / scale)
      const exit = tr.gExit.data[g]
      if (isNaN(exit) || exit > cursor) alive++
      else {
        end = Math.max(end, exit / scale)
        if (tr.gExitHow.data[g] !== Exit.Returned) cutOff++
      }
    }
    if (count > 0) {
      rest = {
        lane: -1,
        name: `${count.toLocaleString('en-US')} more goroutine${count === 1 ? '' : 's'}`,
        group: '',
        jobsDone,
        jobsOther,
        time: sum,
        start,
        end: alive > 0 || end === -Infinity ? NaN : end,
        how: alive > 0 ? 'alive' : cutOff > 0 ? 'cancelled' : 'returned',
        count,
      }
    }
  }
  let grouped = false
  for (let g = 0; g < lanes && !grouped; g++) grouped = tr.groupName(g) !== ''
  return {
    rows,
    rest,
    lanes,
    states: SUMMARY_STATES.filter((k) => used.has(k)),
    grouped,
    span: [tr.base / scale, cursor / scale],
  }
}
