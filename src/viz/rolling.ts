import { select } from 'd3-selection'
import { formatCount, formatMs } from '../core/format'
import { quantile } from '../core/stats'
import type { Trace } from '../core/trace'
import type { TimelineInput } from './layout'

/** Rates and latencies are taken over the last this many scenario ms. */
export const ROLLING_MS = 5_000

export interface RollingSpec {
  /** the queue between producer and consumer */
  resource: string
  /** mark kinds: a value made (its value = its id), and a value done */
  produced: string
  consumed: string
}

interface Rolling {
  inRate: number
  outRate: number
  queue: number
  cap: number
  p50: number
  p99: number
}

/** Rolling numbers of a trace at real time `t`: rates over the last ROLLING_MS, the queue, latencies of values done in that time. */
export function rollingAt(tr: Trace, spec: RollingSpec, t: number): Rolling {
  const scale = tr.timeScale
  const span = Math.min(ROLLING_MS * scale, Math.max(t - tr.base, 0))
  const from = t - span
  const made = new Map<number, number>()
  let inCount = 0
  let outCount = 0
  const latencies: number[] = []
  for (let i = 0; i < tr.mT.length; i++) {
    const mt = tr.mT.data[i]
    if (mt > t) break
    const kind = tr.text(tr.mKind.data[i])
    if (kind === spec.produced) {
      made.set(tr.mValue.data[i], mt)
      if (mt > from) inCount++
    } else if (kind === spec.consumed && mt > from) {
      outCount++
      const born = made.get(tr.mValue.data[i])
      if (born !== undefined) latencies.push((mt - born) / scale)
    }
  }
  const r = tr.resourceByName(spec.resource)
  const k = r ? r.at(t) : -1
  const perSecond = (n: number) => (span > 0 ? (n / (span / scale)) * 1000 : NaN)
  return { inRate: perSecond(inCount), outRate: perSecond(outCount), queue: r && k >= 0 ? r.value.data[k] : 0, cap: r ? r.cap : 0, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) }
}

const rate = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)}/s` : '—')

/**
 * Live numbers of a run that goes on until Stop: events in and out per second, the queue, and the
 * latency of the values done in the last few seconds; beside each, what the ideal schedule does at
 * the same moment (while the run is within the theory's horizon).
 */
export function createRolling(el: HTMLElement, spec: RollingSpec): { update(input: TimelineInput): void; destroy(): void } {
  const root = select(el).append('div').attr('class', 'rolling')
  let key = ''
  function update(input: TimelineInput): void {
    const tr = input.trace
    const th = input.theory
    const t = tr ? Math.min(input.cursor, tr.end) : th ? Math.min(th.end, ROLLING_MS * th.timeScale) : 0
    const k = `${tr?.version}|${t}|${th !== null}`
    if (k === key) return
    key = k
    const m = tr ? rollingAt(tr, spec, t) : null
    const ideal = th && t <= th.end ? rollingAt(th, spec, t) : null
    const cell = (label: string, value: string, theory: string | null, id: string) => ({ label, value, theory, id })
    const cells = [
      cell('events in', m ? rate(m.inRate) : '—', ideal ? rate(ideal.inRate) : null, 'in'),
      cell('events written', m ? rate(m.outRate) : '—', ideal ? rate(ideal.outRate) : null, 'out'),
      cell('queue', m ? `${formatCount(m.queue)}/${formatCount(m.cap)}` : '—', ideal ? `${formatCount(ideal.queue)}/${formatCount(ideal.cap)}` : null, 'queue'),
      cell('latency p50 · p99', m && Number.isFinite(m.p50) ? `${formatMs(m.p50)} · ${formatMs(m.p99)}` : '—', ideal && Number.isFinite(ideal.p50) ? `${formatMs(ideal.p50)} · ${formatMs(ideal.p99)}` : null, 'latency'),
    ]
    root
      .selectAll<HTMLDivElement, (typeof cells)[number]>('div.roll')
      .data(cells, (c) => c.id)
      .join((e) => {
        const d = e.append('div').attr('class', 'roll')
        d.append('div').attr('class', 'roll-label')
        d.append('div').attr('class', 'roll-value')
        d.append('div').attr('class', 'roll-theory')
        return d
      })
      .attr('data-roll', (c) => c.id)
      .call((d) => d.select('.roll-label').text((c) => `${c.label} · last ${ROLLING_MS / 1000} s`))
      .call((d) => d.select('.roll-value').text((c) => c.value))
      .call((d) => d.select('.roll-theory').text((c) => (c.theory ? `theory ${c.theory}` : tr ? 'beyond the theory’s horizon' : '')))
  }
  return {
    update,
    destroy() {
      root.remove()
    },
  }
}
