import { axisLeft } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { area, curveStepAfter, line } from 'd3-shape'
import type { Trace } from '../core/trace'
import { M, timeDomain, type TimelineInput } from './layout'

/** len(jobs) over time, on the timeline's x axis, with cap(jobs) as a ceiling line. */
export function createChanChart(el: HTMLElement): { update(input: TimelineInput): void; destroy(): void } {
  const svg = select(el).append('svg').attr('class', 'chan-svg')
  const gY = svg.append('g').attr('class', 'chan-axis')
  const pathArea = svg.append('path').attr('class', 'chan-area')
  const pathLine = svg.append('path').attr('class', 'chan-line')
  const capLine = svg.append('line').attr('class', 'chan-cap')
  const capText = svg.append('text').attr('class', 'chan-cap-label')
  const title = svg.append('text').attr('class', 'chan-title').attr('x', 6).attr('y', 14)
  let last: TimelineInput | null = null
  const ro = new ResizeObserver(() => last && update(last))
  ro.observe(el)

  function update(input: TimelineInput): void {
    last = input
    const width = el.clientWidth
    const height = el.clientHeight
    if (width < 50 || height < 30) return
    const tr = input.trace
    const cap = tr ? tr.chanCap : input.scenario.buffer
    const x = scaleLinear().domain([0, timeDomain(input).xMax]).range([M.left, width - M.right])
    const pts = tr ? samples(tr, input.cursor, x) : []
    const y = scaleLinear().domain([0, Math.max(1, cap)]).range([height - 6, 22])
    svg.attr('width', width).attr('height', height)
    gY.attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(Math.min(3, Math.max(1, cap)), 'd').tickSizeOuter(0))
    pathArea.attr('d', area<[number, number]>().curve(curveStepAfter).x((d) => x(d[0])).y0(y(0)).y1((d) => y(d[1]))(pts) ?? '')
    pathLine.attr('d', line<[number, number]>().curve(curveStepAfter).x((d) => x(d[0])).y((d) => y(d[1]))(pts) ?? '')
    capLine.attr('x1', M.left).attr('x2', width - M.right).attr('y1', y(cap)).attr('y2', y(cap))
    capText.attr('x', width - M.right).attr('y', y(cap) - 4).attr('text-anchor', 'end').text(`cap ${cap}`)
    let peak = 0
    if (tr) for (let i = 0; i < tr.chanT.length && tr.chanT.data[i] <= input.cursor; i++) peak = Math.max(peak, tr.chanLen.data[i])
    title.text(`jobs channel: len over time${tr ? ` (peak ${peak} of ${cap})` : ''}${cap === 0 ? ' · unbuffered: every send is a direct handoff' : ''}`)
    el.dataset.samples = String(tr ? tr.chanT.length : 0)
  }

  return {
    update,
    destroy() {
      ro.disconnect()
      svg.remove()
    },
  }
}

/**
 * The len samples up to the cursor as step points, at most ~4 per pixel column: within a column the
 * first, lowest, highest and last values are kept, so spikes survive (20,000 samples → ~5,000 points).
 */
function samples(tr: Trace, cursor: number, x: ScaleLinear<number, number>): [number, number][] {
  const scale = tr.scenario.timeScale
  const pts: [number, number][] = []
  let col = NaN
  let lo = 0
  let hi = 0
  let first: [number, number] | null = null
  let last: [number, number] | null = null
  const emit = () => {
    if (!first || !last) return
    pts.push(first)
    if (lo !== first[1] && lo !== last[1]) pts.push([first[0], lo])
    if (hi !== first[1] && hi !== last[1]) pts.push([first[0], hi])
    if (last !== first) pts.push(last)
  }
  for (let i = 0; i < tr.chanT.length; i++) {
    const t = tr.chanT.data[i]
    if (t > cursor) break
    const p: [number, number] = [t / scale, tr.chanLen.data[i]]
    const c = Math.floor(x(p[0]))
    if (c !== col) {
      emit()
      col = c
      first = p
      lo = hi = p[1]
    }
    lo = Math.min(lo, p[1])
    hi = Math.max(hi, p[1])
    last = p
  }
  emit()
  if (pts.length > 0) {
    const endT = Math.min(cursor, isNaN(tr.endT) ? cursor : tr.endT) / scale
    pts.push([endT, pts[pts.length - 1][1]])
  }
  return pts
}
