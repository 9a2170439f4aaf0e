import { axisLeft } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select, type Selection } from 'd3-selection'
import { area, curveStepAfter, line } from 'd3-shape'
import { ResourceKind } from '../core/events'
import type { ResourceTrack } from '../core/resourceTrack'
import type { Trace } from '../core/trace'
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
  const pathArea = chunkedPath(svg, 'strip-area')
  const pathLine = chunkedPath(svg, 'strip-line')
  const pathSend = chunkedPath(svg, 'strip-senders')
  const pathRecv = chunkedPath(svg, 'strip-receivers')
  const capLine = svg.append('line').attr('class', 'strip-cap')
  const capText = svg.append('text').attr('class', 'strip-cap-label')
  const title = svg.append('text').attr('class', 'strip-title').attr('x', 6).attr('y', 14)
  let last: TimelineInput | null = null
  // the size is read where layout is already clean (here and in the observer), never in update():
  // a read there after the DOM changed would force a layout of the page in the middle of a frame
  let width = el.clientWidth
  let height = el.clientHeight
  const ro = new ResizeObserver(() => {
    if (el.clientWidth === width && el.clientHeight === height) return
    width = el.clientWidth
    height = el.clientHeight
    if (last) update(last)
  })
  ro.observe(el)

  function update(input: TimelineInput): void {
    last = input
    const source = input.trace ?? input.theory
    const r = source?.resourceByName(resource)
    // this run (or these settings) have no such resource: the strip gives its room to the timeline.
    // A live run that has not made it yet, but whose ideal schedule has it, keeps the room: the
    // timeline is not resized (and redrawn) twice as the run starts.
    const coming = !r && input.trace !== null && input.trace.status === 'running' && input.theory?.resourceByName(resource) !== undefined
    el.hidden = source !== null && !r && !coming
    if (width < 50 || height < 30) return
    const cursor = input.trace ? input.cursor : Infinity
    const dom = timeDomain(input)
    const left = marginsOf(input, width).left
    const x = scaleLinear().domain([dom.xMin, dom.xMax]).range([left, width - M.right]).clamp(true)
    const isChan = r?.kind === ResourceKind.Chan
    const pts = r && source ? series(source, r, cursor, x) : { value: [], send: [], recv: [], peak: [0, 0, 0] }
    const cap = r && r.cap >= 0 ? r.cap : 0
    const top = Math.max(1, cap, ...pts.peak)
    const y = scaleLinear().domain([0, top]).range([height - 6, 22])
    const parts = r ? describe(r, caption, pts.peak, cap) : [caption]
    svg.attr('width', width).attr('height', height).attr('aria-label', `${caption} over time: ${parts.join(' · ')}`)
    gY.attr('transform', `translate(${left},0)`).call(axisLeft(y).ticks(Math.min(3, top), 'd').tickSizeOuter(0))
    // one decimal of a pixel is plenty, and keeps the path text (parsed by the browser) short
    const stepArea = area<Pt>().digits(1).curve(curveStepAfter).x((d) => x(d[0])).y0(y(0)).y1((d) => y(d[1]))
    const step = line<Pt>().digits(1).curve(curveStepAfter).x((d) => x(d[0])).y((d) => y(d[1]))
    // what every point's place depends on: when it changes, every chunk is drawn again
    const frame = `${x.domain().join(',')}|${x.range().join(',')}|${top}|${height}`
    pathArea.draw(pts.value, x, frame, (p) => stepArea(p) ?? '')
    pathLine.draw(pts.value, x, frame, (p) => step(p) ?? '')
    pathSend.draw(isChan && pts.peak[1] > 0 ? pts.send : [], x, frame, (p) => step(p) ?? '')
    pathRecv.draw(isChan && pts.peak[2] > 0 ? pts.recv : [], x, frame, (p) => step(p) ?? '')
    const showCap = isChan && cap > 0
    capLine.attr('x1', left).attr('x2', width - M.right).attr('y1', y(cap)).attr('y2', y(cap)).attr('display', showCap ? null : 'none')
    capText.attr('x', width - M.right).attr('y', y(cap) - 4).attr('text-anchor', 'end').text(showCap ? `cap ${cap}` : '')
    // ≈ 0.6 em a character (13 px, 18 px in projector mode), and room for the cap label on the right
    const em = input.large ? 18 : 13
    title.text(fitted(parts, Math.floor((width - 12 - (showCap ? 8 * em * 0.6 : 0)) / (em * 0.6))))
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

/** Pixel columns per path element of a chunked path. */
const CHUNK_PX = 96

/**
 * A step path cut into elements of CHUNK_PX columns each. During a live run only the last chunks
 * change, so only their text is made, parsed and painted again; a long run's counter (a
 * batches-of-1 run's WaitGroup goes 0 → 1 → 0 ten thousand times) is thousands of points.
 * Each chunk starts at the last point of the one before, so the steps join without a gap.
 */
function chunkedPath(svg: Selection<SVGSVGElement, unknown, null, undefined>, cls: string) {
  const g = svg.append('g').attr('class', cls)
  const paths: SVGPathElement[] = []
  /** per chunk: the frame, point count and last point it was drawn with */
  const drawn: string[] = []
  return {
    draw(pts: Pt[], x: ScaleLinear<number, number>, frame: string, path: (p: Pt[]) => string): void {
      const [r0] = x.range()
      const chunks: Pt[][] = []
      let cur: Pt[] | null = null
      let curIndex = -1
      for (const p of pts) {
        const k = Math.max(0, Math.floor((x(p[0]) - r0) / CHUNK_PX))
        if (k !== curIndex || !cur) {
          const prev: Pt | undefined = cur ? cur[cur.length - 1] : undefined
          cur = prev ? [prev] : []
          chunks.push(cur)
          curIndex = k
        }
        cur.push(p)
      }
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i]
        const last = c[c.length - 1]
        let sum = 0
        for (const q of c) sum += q[0] * 31 + q[1]
        const sig = `${frame}|${c.length}|${sum}|${last[0]},${last[1]}`
        if (!paths[i]) paths[i] = g.append('path').node() as SVGPathElement
        if (drawn[i] !== sig) {
          paths[i].setAttribute('d', path(c))
          drawn[i] = sig
        }
      }
      for (let i = chunks.length; i < paths.length; i++) paths[i].remove()
      paths.length = chunks.length
      drawn.length = chunks.length
    },
  }
}

function describe(r: ResourceTrack, caption: string, peak: number[], cap: number): string[] {
  if (r.kind !== ResourceKind.Chan) return [`${caption} (peak ${peak[0]})`]
  // a caption that names the channel ("jobs channel") is not followed by its name again
  const parts = [`${caption}${caption.split(' ').includes(r.name) ? '' : ` ${r.name}`}: len peak ${peak[0]} of ${cap}`]
  if (peak[1] > 0) parts.push(`up to ${peak[1]} sender${peak[1] === 1 ? '' : 's'} parked`)
  if (peak[2] > 0) parts.push(`up to ${peak[2]} receiver${peak[2] === 1 ? '' : 's'} parked`)
  if (cap === 0) parts.push('unbuffered: every value is a direct handoff')
  return parts
}

/**
 * The parts of a title that fit in `chars` characters (the first always). SVG text does not wrap:
 * in a narrow strip (a phone, the code or table beside it) the later parts would run past the edge
 * and over the cap label. The whole description stays in the strip's aria-label.
 */
function fitted(parts: string[], chars: number): string {
  let text = parts[0]
  for (const p of parts.slice(1)) {
    if (text.length + 3 + p.length > chars) break
    text += ` · ${p}`
  }
  return text
}

/**
 * The samples up to the cursor as step points, at most ~4 per pixel column and series: within a
 * column the first, lowest, highest and last values are kept, so spikes survive. Points are only
 * allocated for what is drawn; a series that never leaves zero is skipped.
 */
function series(tr: Trace, r: ResourceTrack, cursor: number, x: ScaleLinear<number, number>): { value: Pt[]; send: Pt[]; recv: Pt[]; peak: number[] } {
  const scale = tr.timeScale
  const cols = [r.value, r.waitA, r.waitB]
  const out: Pt[][] = [[], [], []]
  const peak = [0, 0, 0]
  const times = r.t.data
  // the samples before the cursor (times are in order)
  let n = r.samples
  if (cursor !== Infinity) {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (times[mid] > cursor) hi = mid
      else lo = mid + 1
    }
    n = lo
  }
  const [d0, d1] = x.domain()
  const [r0, r1] = x.range()
  const k = d1 > d0 ? (r1 - r0) / (d1 - d0) : 0
  const column = (t: number) => Math.floor(r0 + (Math.min(d1, Math.max(d0, t / scale)) - d0) * k)
  for (let s = 0; s < 3; s++) {
    const data = cols[s].data
    let max = 0
    for (let i = 0; i < n; i++) if (data[i] > max) max = data[i]
    peak[s] = max
    if (max === 0 && s > 0) continue
    const pts = out[s]
    let col = NaN
    let first = -1
    let last = -1
    let lo = 0
    let hi = 0
    // a step that keeps the value is not drawn: a steady queue is a handful of points
    const push = (t: number, v: number) => {
      if (pts.length === 0 || pts[pts.length - 1][1] !== v) pts.push([t, v])
    }
    const emit = () => {
      if (first < 0) return
      const t0 = times[first] / scale
      const v0 = data[first]
      const vl = data[last]
      push(t0, v0)
      if (lo !== v0 && lo !== vl) push(t0, lo)
      if (hi !== v0 && hi !== vl) push(t0, hi)
      if (last !== first) push(times[last] / scale, vl)
    }
    for (let i = 0; i < n; i++) {
      const v = data[i]
      const c = column(times[i])
      if (c !== col) {
        emit()
        col = c
        first = i
        lo = hi = v
      } else {
        if (v < lo) lo = v
        if (v > hi) hi = v
      }
      last = i
    }
    emit()
    if (pts.length > 0) {
      const endT = Math.min(cursor, tr.end) / scale
      pts.push([endT, pts[pts.length - 1][1]])
    }
  }
  return { value: out[0], send: out[1], recv: out[2], peak }
}
