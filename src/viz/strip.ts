import { axisLeft } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select } from 'd3-selection'
import { area, curveStepAfter, line } from 'd3-shape'
import { ResourceKind } from '../core/events'
import type { ResourceTrack, Trace } from '../core/trace'
import { M, marginsOf, timeDomain, type TimelineInput } from './layout'

export interface StripController {
  update(input: TimelineInput): void
  destroy(): void
}

type Pt = [number, number]

/**
 * A named resource over time on the timeline's x axis (a Perfetto-style counter track): a channel's
 * len as an area under its cap, with parked senders (red) and parked receivers (violet) as step
 * lines; a WaitGroup's counter or a semaphore's tokens in use as the area. Drawn from the run, or
 * from the theory before any run.
 */
export function createStrip(el: HTMLElement, resource: string, caption: string): StripController {
  const svg = select(el).append('svg').attr('class', 'strip-svg').attr('role', 'img')
  const gY = svg.append('g').attr('class', 'strip-axis')
  const pathArea = svg.append('path').attr('class', 'strip-area')
  const pathLine = svg.append('path').attr('class', 'strip-line')
  const pathSend = svg.append('path').attr('class', 'strip-senders')
  const pathRecv = svg.append('path').attr('class', 'strip-receivers')
  const capLine = svg.append('line').attr('class', 'strip-cap')
  const capText = svg.append('text').attr('class', 'strip-cap-label')
  const title = svg.append('text').attr('class', 'strip-title').attr('x', 6).attr('y', 14)
  let last: TimelineInput | null = null
  const ro = new ResizeObserver(() => last && update(last))
  ro.observe(el)

  function update(input: TimelineInput): void {
    last = input
    const source = input.trace ?? input.theory
    const r = source?.resourceByName(resource)
    // this run (or these settings) have no such resource: the strip gives its room to the timeline
    el.hidden = source !== null && !r
    const width = el.clientWidth
    const height = el.clientHeight
    if (width < 50 || height < 30) return
    const cursor = input.trace ? input.cursor : Infinity
    const dom = timeDomain(input)
    const left = marginsOf(input).left
    const x = scaleLinear().domain([dom.xMin, dom.xMax]).range([left, width - M.right]).clamp(true)
    const isChan = r?.kind === ResourceKind.Chan
    const pts = r && source ? series(source, r, cursor, x) : { value: [], send: [], recv: [], peak: [0, 0, 0] }
    const cap = r && r.cap >= 0 ? r.cap : 0
    const top = Math.max(1, cap, ...pts.peak)
    const y = scaleLinear().domain([0, top]).range([height - 6, 22])
    svg.attr('width', width).attr('height', height).attr('aria-label', `${caption} over time`)
    gY.attr('transform', `translate(${left},0)`).call(axisLeft(y).ticks(Math.min(3, top), 'd').tickSizeOuter(0))
    const stepArea = area<Pt>().curve(curveStepAfter).x((d) => x(d[0])).y0(y(0)).y1((d) => y(d[1]))
    const step = line<Pt>().curve(curveStepAfter).x((d) => x(d[0])).y((d) => y(d[1]))
    pathArea.attr('d', stepArea(pts.value) ?? '')
    pathLine.attr('d', step(pts.value) ?? '')
    pathSend.attr('d', isChan && pts.peak[1] > 0 ? (step(pts.send) ?? '') : '')
    pathRecv.attr('d', isChan && pts.peak[2] > 0 ? (step(pts.recv) ?? '') : '')
    const showCap = isChan && cap > 0
    capLine.attr('x1', left).attr('x2', width - M.right).attr('y1', y(cap)).attr('y2', y(cap)).attr('display', showCap ? null : 'none')
    capText.attr('x', width - M.right).attr('y', y(cap) - 4).attr('text-anchor', 'end').text(showCap ? `cap ${cap}` : '')
    title.text(r ? describe(r, caption, pts.peak, cap) : caption)
    el.dataset.samples = String(r ? r.samples : 0)
    el.dataset.peak = String(pts.peak[0])
  }

  return {
    update,
    destroy() {
      ro.disconnect()
      svg.remove()
    },
  }
}

function describe(r: ResourceTrack, caption: string, peak: number[], cap: number): string {
  if (r.kind !== ResourceKind.Chan) return `${caption} (peak ${peak[0]})`
  const parts = [`${caption} ${r.name}: len peak ${peak[0]} of ${cap}`]
  if (peak[1] > 0) parts.push(`up to ${peak[1]} sender${peak[1] === 1 ? '' : 's'} parked`)
  if (peak[2] > 0) parts.push(`up to ${peak[2]} receiver${peak[2] === 1 ? '' : 's'} parked`)
  if (cap === 0) parts.push('unbuffered: every value is a direct handoff')
  return parts.join(' · ')
}

/**
 * The samples up to the cursor as step points, at most ~4 per pixel column and series: within a
 * column the first, lowest, highest and last values are kept, so spikes survive.
 */
function series(tr: Trace, r: ResourceTrack, cursor: number, x: ScaleLinear<number, number>): { value: Pt[]; send: Pt[]; recv: Pt[]; peak: number[] } {
  const scale = tr.timeScale
  const cols = [r.value, r.waitA, r.waitB]
  const out: Pt[][] = [[], [], []]
  const peak = [0, 0, 0]
  for (let k = 0; k < 3; k++) {
    const data = cols[k].data
    const pts = out[k]
    let col = NaN
    let lo = 0
    let hi = 0
    let first: Pt | null = null
    let lastPt: Pt | null = null
    const emit = () => {
      if (!first || !lastPt) return
      pts.push(first)
      if (lo !== first[1] && lo !== lastPt[1]) pts.push([first[0], lo])
      if (hi !== first[1] && hi !== lastPt[1]) pts.push([first[0], hi])
      if (lastPt !== first) pts.push(lastPt)
    }
    for (let i = 0; i < r.samples; i++) {
      const t = r.t.data[i]
      if (t > cursor) break
      const p: Pt = [t / scale, data[i]]
      if (p[1] > peak[k]) peak[k] = p[1]
      const c = Math.floor(x(p[0]))
      if (c !== col) {
        emit()
        col = c
        first = p
        lo = hi = p[1]
      }
      lo = Math.min(lo, p[1])
      hi = Math.max(hi, p[1])
      lastPt = p
    }
    emit()
    if (pts.length > 0) {
      const endT = Math.min(cursor, tr.end) / scale
      pts.push([endT, pts[pts.length - 1][1]])
    }
  }
  return { value: out[0], send: out[1], recv: out[2], peak }
}
