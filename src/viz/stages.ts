import { select } from 'd3-selection'
import { JobStatus, ResourceKind, State } from '../core/events'
import { formatCount, formatMs } from '../core/format'
import type { Trace } from '../core/trace'
import type { StageNode } from '../patterns/module'
import type { TimelineInput } from './layout'
import { HIGHLIGHT_COLOR } from './palette'

export interface StageGraphController {
  update(input: TimelineInput, stages: readonly StageNode[]): void
  destroy(): void
}

/** States in which a worker is doing its job (not waiting for input or for room downstream). */
const BUSY = new Set<number>([State.Running, State.Runnable, State.Io, State.Waking])

interface StageStats {
  busy: number
  done: number
  dropped: number
}

/** Per group: time its goroutines were busy and jobs done up to `cursor` (real ms). */
function statsAt(tr: Trace, cursor: number): Map<string, StageStats> {
  const out = new Map<string, StageStats>()
  const get = (group: string) => {
    let s = out.get(group)
    if (!s) out.set(group, (s = { busy: 0, done: 0, dropped: 0 }))
    return s
  }
  for (let s = 0; s < tr.segments; s++) {
    if (!BUSY.has(tr.sState.data[s])) continue
    const t0 = tr.sT0.data[s]
    if (t0 > cursor) continue
    const t1 = Math.min(isNaN(tr.sT1.data[s]) ? cursor : tr.sT1.data[s], cursor)
    get(tr.groupName(tr.sG.data[s])).busy += t1 - t0
  }
  for (let j = 0; j < tr.jobIds; j++) {
    if (!(tr.jEnd.data[j] <= cursor) || tr.jGroup.data[j] < 0) continue
    const st = get(tr.text(tr.jGroup.data[j]))
    if (tr.jStatus.data[j] === JobStatus.Done) st.done++
    else if (tr.jStatus.data[j] === JobStatus.Dropped) st.dropped++
  }
  return out
}

/** A channel's numbers at a time: len, capacity, parked senders and receivers. */
function chanAt(tr: Trace | null, name: string | null, t: number): { len: number; cap: number; senders: number; receivers: number } | null {
  const r = name && tr ? tr.resourceByName(name) : undefined
  if (!r || r.kind !== ResourceKind.Chan) return null
  const i = r.at(t)
  return i < 0 ? { len: 0, cap: r.cap, senders: 0, receivers: 0 } : { len: r.value.data[i], cap: r.cap, senders: r.waitA.data[i], receivers: r.waitB.data[i] }
}

/**
 * A stage graph (a Perfetto-style plugin view): boxes per stage with their workers, cost,
 * utilisation and items done, and between them a gauge per channel (len of cap, parked senders in
 * red, parked receivers in violet) at the time cursor. The bottleneck stage is outlined.
 */
export function createStageGraph(el: HTMLElement): StageGraphController {
  const root = select(el).append('div').attr('class', 'stage-graph')
  const meter = select(el).append('div').attr('class', 'stage-meter')
  let cache: { key: string; stats: Map<string, StageStats> } | null = null

  function update(input: TimelineInput, stages: readonly StageNode[]): void {
    const tr = input.trace ?? input.theory
    const cursor = input.trace ? input.cursor : tr ? tr.end : 0
    const scale = tr ? tr.timeScale : input.scenario.shared.timeScale
    const key = tr ? `${tr.version}|${cursor}|${input.trace === null}` : ''
    if (!cache || cache.key !== key) cache = { key, stats: tr ? statsAt(tr, cursor) : new Map() }
    const stats = cache.stats
    const b = Math.max(0, stages.findIndex((s) => s.bottleneck))
    const elapsed = cursor
    type Cell = { kind: 'chan'; name: string | null } | { kind: 'stage'; k: number }
    const cells: Cell[] = [{ kind: 'chan', name: stages[0]?.input ?? null }]
    stages.forEach((s, k) => cells.push({ kind: 'stage', k }, { kind: 'chan', name: s.output }))
    root
      .selectAll<HTMLDivElement, Cell>('div.cell')
      .data(cells)
      .join('div')
      .attr('class', (c) => `cell ${c.kind}${c.kind === 'stage' && c.k === b ? ' bottleneck' : ''}`)
      .each(function (c) {
        const cell = select(this)
        if (c.kind === 'stage') {
          const s = stages[c.k]
          const st = stats.get(s.group)
          const util = st && elapsed > 0 ? st.busy / (s.workers * elapsed) : NaN
          cell.attr('data-stage', s.name).attr('data-util', Number.isFinite(util) ? util.toFixed(3) : '')
          const capacity = `${formatCount(Math.round((s.workers / s.cost) * 1000))} items/s at most`
          cell.attr('title', `${s.name}: ${s.workers} worker${s.workers === 1 ? '' : 's'} × ${formatMs(s.cost, 1)} per item = ${capacity}${c.k === b ? ' (the bottleneck)' : ''}`)
          cell.html('')
          const head = cell.append('div').attr('class', 'stage-head')
          head.append('span').attr('class', 'stage-name').text(s.name)
          if (c.k === b) head.append('span').attr('class', 'stage-tag').style('color', HIGHLIGHT_COLOR).text('⚑')
          cell.append('div').attr('class', 'stage-shape').text(`${s.workers} × ${formatMs(s.cost, s.cost < 1 ? 1 : 0)}`)
          const line = cell.append('div').attr('class', 'stage-util')
          if (!st) line.text(capacity)
          else {
            line.append('span').text(`${Number.isFinite(util) ? Math.round(util * 100) : 0} % busy`)
            // a projector's narrow graph leaves the count out (styles.css)
            line.append('span').attr('class', 'stage-done').text(` · ${formatCount(st.done)} done${st.dropped ? ` · ${formatCount(st.dropped)} ✕` : ''}`)
          }
        } else {
          const ch = chanAt(tr, c.name, cursor)
          cell.attr('data-chan', c.name ?? '').attr('title', c.name ? `channel ${c.name}` : '')
          cell.html('')
          const bar = cell.append('div').attr('class', 'chan-bar')
          if (ch && ch.cap > 0) bar.append('div').attr('class', 'chan-fill').style('width', `${Math.min(100, (ch.len / ch.cap) * 100)}%`)
          cell.append('div').attr('class', 'chan-len').text(ch ? (ch.cap === 0 ? 'unbuffered' : `${formatCount(ch.len)}/${formatCount(ch.cap)}`) : '')
          const parked = cell.append('div').attr('class', 'chan-parked')
          if (ch && ch.senders > 0) parked.append('span').attr('class', 'senders').attr('title', 'senders parked: the channel is full').text(`▲${ch.senders}`)
          if (ch && ch.receivers > 0) parked.append('span').attr('class', 'receivers').attr('title', 'receivers parked: the channel is empty').text(`▼${ch.receivers}`)
        }
      })
    const results = tr?.resourceByName('results received')
    const got = results ? results.value.data[results.at(cursor)] ?? 0 : 0
    const rate = elapsed > 0 ? (got / (elapsed / scale)) * 1000 : NaN
    const s = stages[b]
    // "so far" while the run (or the replay) has not reached its end
    const sofar = !tr || tr.status === 'running' || cursor < tr.end ? ' so far' : ''
    meter.text(
      tr
        ? `${formatCount(got)} results · ${Number.isFinite(rate) ? formatCount(Math.round(rate)) : '—'}/s${sofar} · bottleneck ${s.name}: ${s.workers} / ${formatMs(s.cost)} = ${formatCount(Math.round((s.workers / s.cost) * 1000))}/s`
        : '',
    )
    el.dataset.bottleneck = s?.name ?? ''
  }

  return {
    update,
    destroy() {
      root.remove()
      meter.remove()
    },
  }
}
