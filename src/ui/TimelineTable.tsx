import { useEffect, useState } from 'react'
import { formatCount, formatMs } from '../core/format'
import type { Trace } from '../core/trace'
import { traceHub } from '../store/traceHub'
import { SUMMARY_STATE_LABELS, summarizeLanes, type LaneEnd, type LaneRow, type LaneSummary } from '../viz/laneSummary'

/** Lanes listed one by one; the rest are summed up in one row (a run can have 10,000 goroutines). */
export const TABLE_LANES = 100
/** While a run grows, the table is recomputed at most this often (ms). */
const LIVE_REFRESH_MS = 500

const ENDED: Record<LaneEnd, string> = { returned: 'returned', cancelled: 'cut off', panicked: 'panicked', alive: 'still running' }

const ms = (v: number) => (v === 0 ? '0' : formatMs(v, v < 10 ? 1 : 0))

interface Shown {
  summary: LaneSummary
  source: 'measured' | 'theory'
  status: Trace['status']
}

/** The run on screen, else the ideal schedule drawn before a run (of the scenario shown). */
function read(theory: Trace | null): Shown | null {
  const tr = traceHub.get() ?? theory
  if (!tr) return null
  return { summary: summarizeLanes(tr, { limit: TABLE_LANES }), source: tr.meta.source, status: tr.status }
}

function Row({ r, states, grouped, rest }: { r: LaneRow; states: LaneSummary['states']; grouped: boolean; rest?: boolean }) {
  return (
    <tr className={rest ? 'lane-rest' : undefined}>
      <th scope="row">{r.name}</th>
      {grouped && <td>{r.group}</td>}
      <td className="num">
        {formatCount(r.jobsDone)}
        {r.jobsOther > 0 && <small> (+{formatCount(r.jobsOther)} not done)</small>}
      </td>
      {states.map((k) => (
        <td key={k} className="num">
          {ms(r.time[k])}
        </td>
      ))}
      <td className="num">{ms(r.start)}</td>
      <td className="num">{Number.isFinite(r.end) ? ms(r.end) : '—'}</td>
      <td>{rest ? `${r.how === 'alive' ? 'some still running' : ENDED[r.how]}` : ENDED[r.how]}</td>
    </tr>
  )
}

/**
 * The timeline as a table (its text alternative): per goroutine, its group, the jobs it finished,
 * the scenario ms it spent in each state, when it started and ended. Computed from the trace.
 */
export function TimelineTable({ theory }: { theory: Trace | null }) {
  const [shown, setShown] = useState<Shown | null>(() => read(theory))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let last = 0
    const compute = () => {
      timer = null
      last = performance.now()
      setShown(read(theory))
    }
    compute()
    const unsub = traceHub.subscribe((tr) => {
      if (timer) return
      const wait = tr && tr.status === 'running' ? Math.max(0, LIVE_REFRESH_MS - (performance.now() - last)) : 0
      timer = setTimeout(compute, wait)
    })
    return () => {
      unsub()
      if (timer) clearTimeout(timer)
    }
  }, [theory])
  if (!shown) return <section className="lane-table empty" aria-label="Timeline as a table">Computing the ideal schedule…</section>
  const { summary: s, source, status } = shown
  const what = source === 'theory' ? 'the ideal schedule (theory), before a run' : status === 'running' ? 'the run so far' : 'the measured run'
  const from = s.span[0] > 0 ? `, from ${formatMs(s.span[0])} (older detail is not kept)` : ''
  return (
    // the section scrolls: focusable, so that a keyboard can scroll it
    <section className="lane-table" aria-labelledby="lane-table-caption" data-testid="lane-table" tabIndex={0}>
      <table>
        <caption id="lane-table-caption">
          Timeline as a table: {what}. {formatCount(s.lanes)} goroutine{s.lanes === 1 ? '' : 's'}, times in scenario ms up to {formatMs(s.span[1])}
          {from}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Goroutine</th>
            {s.grouped && <th scope="col">Group</th>}
            <th scope="col">Jobs done</th>
            {s.states.map((k) => (
              <th key={k} scope="col">
                {SUMMARY_STATE_LABELS[k]}
              </th>
            ))}
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => (
            <Row key={r.lane} r={r} states={s.states} grouped={s.grouped} />
          ))}
          {s.rest && <Row r={s.rest} states={s.states} grouped={s.grouped} rest />}
        </tbody>
      </table>
    </section>
  )
}
