import { axisTop } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { select, type Selection } from 'd3-selection'
import { State } from '../core/events'
import type { Scenario } from '../core/scenario'
import type { Theory } from '../core/theory'
import type { Trace } from '../core/trace'
import { formatMs, tickFormatter } from './format'
import { addSvgHatches, canvasFills, fillFor } from './hatch'
import { laneNames } from './lanes'
import { AXIS_COLOR, BARRIER_COLOR, CURSOR_COLOR, GHOST_FILL, GHOST_STROKE } from './palette'

/** What the timeline draws. Times in the trace are real ms; the axis reads scenario ms. */
export interface TimelineInput {
  scenario: Scenario
  theory: Theory
  trace: Trace | null
  /** time cursor, real ms since the run's origin; segments after it are not drawn yet */
  cursor: number
  /** whether to draw the cursor line (live run or replay) */
  showCursor: boolean
}

export interface TimelineController {
  update(input: TimelineInput): void
  destroy(): void
}

/** Above this many bars (measured + ghost) the bars go to a canvas instead of SVG elements. */
export const SVG_BAR_LIMIT = 1200

/** Margins, shared with the channel chart so both read on one time axis. */
export const M = { top: 34, right: 28, bottom: 40, left: 104 }
const MAX_PITCH = 34

interface Bar {
  key: number
  lane: number
  x0: number
  x1: number
  state: number
  job: number
}

type G = Selection<SVGGElement, unknown, null, undefined>

/** A swimlane timeline: one lane per goroutine (lane = goroutine id), bars by state, theory as ghosts. */
export function createTimeline(el: HTMLElement): TimelineController {
  const root = select(el).classed('timeline', true)
  const canvas = root.append('canvas').attr('class', 'tl-canvas').node() as HTMLCanvasElement
  const svg = root.append('svg').attr('class', 'tl-svg').attr('role', 'img')
  addSvgHatches(svg.append('defs'))
  const gAxis = svg.append('g').attr('class', 'tl-axis')
  const gLabels = svg.append('g').attr('class', 'tl-labels')
  const gLife = svg.append('g').attr('class', 'tl-life')
  const gGhost = svg.append('g').attr('class', 'tl-ghosts')
  const gBars = svg.append('g').attr('class', 'tl-bars')
  const gMarks = svg.append('g').attr('class', 'tl-marks')
  const gBarriers = svg.append('g').attr('class', 'tl-barriers')
  const gCursor = svg.append('g').attr('class', 'tl-cursor')
  const badge = svg.append('text').attr('class', 'tl-badge')
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  let fills: ReturnType<typeof canvasFills> | null = null
  let width = el.clientWidth
  let height = el.clientHeight
  let last: TimelineInput | null = null

  const ro = new ResizeObserver(() => {
    width = el.clientWidth
    height = el.clientHeight
    if (last) update(last)
  })
  ro.observe(el)

  function update(input: TimelineInput): void {
    last = input
    if (width < 50 || height < 50) return
    const { theory, trace, scenario } = input
    const scale = trace ? trace.scenario.timeScale : scenario.timeScale
    const lanes = Math.max(theory.lanes, trace ? trace.goroutines : 0)
    const { xMax, measuredEnd } = timeDomain(input)
    const x = scaleLinear().domain([0, xMax]).range([M.left, width - M.right])
    const plotH = height - M.top - M.bottom
    const pitch = Math.min(MAX_PITCH, plotH / Math.max(1, lanes))
    const barH = pitch >= 4 ? pitch * 0.74 : Math.max(1, pitch)
    const laneY = (g: number) => M.top + g * pitch + (pitch - barH) / 2

    svg.attr('width', width).attr('height', height).attr('aria-label', `Timeline of ${lanes} goroutines`)
    gAxis
      .attr('transform', `translate(0,${M.top - 6})`)
      .call(axisTop(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickFormatter(xMax)(+d)))
      .call((g) => g.selectAll('text').attr('fill', AXIS_COLOR))

    drawLabels(gLabels, laneNames(scenario.pattern, lanes, trace), pitch, laneY, barH)

    let barCount = 0
    let jobBars = 0
    if (trace) {
      forEachBar(trace, input.cursor, scale, (_s, _lane, _x0, _x1, _state, job) => {
        barCount++
        if (job >= 0) jobBars++
      })
    }
    const useCanvas = barCount + theory.jobs.length > SVG_BAR_LIMIT
    el.dataset.mode = useCanvas ? 'canvas' : 'svg'
    el.dataset.lanes = String(lanes)
    el.dataset.bars = String(barCount)
    el.dataset.jobBars = String(jobBars)

    if (useCanvas) {
      gGhost.selectAll('*').remove()
      gBars.selectAll('*').remove()
      gLife.selectAll('*').remove()
      gMarks.selectAll('*').remove()
      drawCanvas(input, x, laneY, barH, pitch)
    } else {
      clearCanvas()
      const bars: Bar[] = []
      if (trace) forEachBar(trace, input.cursor, scale, (key, lane, x0, x1, state, job) => bars.push({ key, lane, x0, x1, state, job }))
      drawGhostsSvg(gGhost, theory, x, laneY, barH)
      drawLifelinesSvg(gLife, trace, input.cursor, scale, x, laneY, barH)
      drawBarsSvg(gBars, bars, x, laneY, barH, pitch)
      drawExitsSvg(gMarks, pitch >= 10 ? trace : null, input.cursor, scale, x, laneY, barH)
    }
    drawBarriers(gBarriers, trace, theory, input.cursor, scale, x, plotH)
    drawMarkers(gCursor, input, theory, trace, measuredEnd, x, plotH)
    badge
      .attr('x', 6)
      .attr('y', height - 4)
      .attr('text-anchor', 'start')
      .text(pitch < 10 ? `${lanes.toLocaleString('en-US')} lanes · ${pitch.toFixed(pitch < 1 ? 2 : 1)} px each` : '')
  }

  function clearCanvas(): void {
    canvas.width = 0
    canvas.height = 0
  }

  function drawCanvas(input: TimelineInput, x: ScaleLinear<number, number>, laneY: (g: number) => number, barH: number, pitch: number): void {
    const dpr = window.devicePixelRatio || 1
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr)
      canvas.height = Math.round(height * dpr)
      canvas.style.width = `${width}px`
      canvas.style.height = `${height}px`
      fills = null
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, width, height)
    fills ??= canvasFills(ctx)
    // one Path2D per fill: a few fill() calls instead of tens of thousands of styled fillRect()s
    const ghosts = new Path2D()
    for (const j of input.theory.jobs) {
      if (!isNaN(j.end)) ghosts.rect(x(j.begin), laneY(j.lane), Math.max(0.5, x(j.end) - x(j.begin)), barH)
    }
    ctx.fillStyle = GHOST_FILL
    ctx.fill(ghosts)
    if (input.trace) {
      const paths = new Map<number, Path2D>()
      forEachBar(input.trace, input.cursor, input.trace.scenario.timeScale, (_s, lane, x0, x1, state) => {
        let p = paths.get(state)
        if (!p) paths.set(state, (p = new Path2D()))
        const px0 = x(x0)
        p.rect(px0, laneY(lane), Math.max(0.6, x(x1) - px0), barH)
      })
      for (const [state, p] of paths) {
        ctx.fillStyle = fills[state] ?? '#000'
        ctx.fill(p)
      }
    }
    if (pitch >= 3 && input.trace) {
      const tr = input.trace
      const scale = tr.scenario.timeScale
      ctx.fillStyle = BARRIER_COLOR
      for (let g = 0; g < tr.goroutines; g++) {
        const t = tr.gExit.data[g]
        if (isNaN(t) || t > input.cursor || tr.gExitHow.data[g] !== 0) continue
        ctx.fillRect(x(t / scale) - 1, laneY(g) + barH * 0.2, 2, barH * 0.6)
      }
    }
  }

  return {
    update,
    destroy() {
      ro.disconnect()
      root.selectAll('*').remove()
    },
  }
}

/** The x domain [0, xMax] in scenario ms: the theory's makespan or what was measured, whichever is longer. */
export function timeDomain(input: TimelineInput): { xMax: number; measuredEnd: number } {
  const { trace, theory } = input
  const scale = trace ? trace.scenario.timeScale : input.scenario.timeScale
  const measuredEnd = trace ? (isNaN(trace.endT) ? Math.min(trace.lastT, input.cursor) : trace.endT) / scale : 0
  const xMax = Math.max(1, theory.makespan, measuredEnd, input.showCursor ? input.cursor / scale : 0) * 1.04
  return { xMax, measuredEnd }
}

/**
 * Calls `fn` for every segment worth a bar (not the instant `Active` ones) that has begun by the
 * cursor, clipped to it, in scenario ms. Allocates nothing: it runs every frame over up to ~50,000.
 */
function forEachBar(
  tr: Trace,
  cursor: number,
  scale: number,
  fn: (seg: number, lane: number, x0: number, x1: number, state: number, job: number) => void,
): void {
  const end = isNaN(tr.endT) ? cursor : Math.min(cursor, tr.endT)
  const { sState, sT0, sT1, sG, sJob } = tr
  for (let s = 0; s < tr.segments; s++) {
    const state = sState.data[s]
    if (state === State.Active) continue
    const t0 = sT0.data[s]
    if (t0 > cursor) continue
    let t1 = sT1.data[s]
    if (isNaN(t1) || t1 > cursor) t1 = end
    if (t1 < t0) t1 = t0
    fn(s, sG.data[s], t0 / scale, t1 / scale, state, sJob.data[s])
  }
}

function drawLabels(g: G, names: string[], pitch: number, laneY: (l: number) => number, barH: number): void {
  // Label every lane when there is room, else every k-th one.
  const every = pitch >= 13 ? 1 : Math.ceil(13 / Math.max(pitch, 0.01))
  const shown = names.map((name, lane) => ({ name, lane })).filter((d) => d.lane % every === 0)
  g.selectAll<SVGTextElement, { name: string; lane: number }>('text')
    .data(shown, (d) => d.lane)
    .join('text')
    .attr('x', M.left - 10)
    .attr('y', (d) => laneY(d.lane) + barH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-size', Math.max(11, Math.min(16, pitch * 0.6)))
    .text((d) => d.name)
}

function drawGhostsSvg(g: G, theory: Theory, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
  g.selectAll<SVGRectElement, Theory['jobs'][number]>('rect')
    .data(theory.jobs.filter((j) => !isNaN(j.end)))
    .join('rect')
    .attr('class', 'ghost')
    .attr('x', (j) => x(j.begin))
    .attr('y', (j) => laneY(j.lane))
    .attr('width', (j) => Math.max(0.5, x(j.end) - x(j.begin)))
    .attr('height', barH)
    .attr('fill', GHOST_FILL)
    .attr('stroke', GHOST_STROKE)
    .attr('stroke-dasharray', '3 2')
}

function drawLifelinesSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
  const lines: { g: number; x0: number; x1: number }[] = []
  if (tr) {
    for (let id = 0; id < tr.goroutines; id++) {
      const t0 = tr.gSpawn.data[id]
      if (isNaN(t0) || t0 > cursor) continue
      const exit = tr.gExit.data[id]
      const t1 = isNaN(exit) || exit > cursor ? cursor : exit
      lines.push({ g: id, x0: t0 / scale, x1: t1 / scale })
    }
  }
  g.selectAll<SVGLineElement, (typeof lines)[number]>('line')
    .data(lines, (d) => d.g)
    .join('line')
    .attr('x1', (d) => x(d.x0))
    .attr('x2', (d) => x(d.x1))
    .attr('y1', (d) => laneY(d.g) + barH / 2)
    .attr('y2', (d) => laneY(d.g) + barH / 2)
}

function drawBarsSvg(g: G, bars: Bar[], x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number, pitch: number): void {
  const sel = g
    .selectAll<SVGGElement, Bar>('g.bar')
    .data(bars, (b) => b.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'bar')
      e.append('rect')
      e.append('text').attr('dy', '0.35em').attr('text-anchor', 'middle')
      return e
    })
  sel.attr('data-state', (b) => b.state).attr('data-job', (b) => b.job)
  sel
    .select('rect')
    .attr('x', (b) => x(b.x0))
    .attr('y', (b) => laneY(b.lane))
    .attr('width', (b) => Math.max(0.8, x(b.x1) - x(b.x0)))
    .attr('height', barH)
    .attr('rx', Math.min(3, barH / 4))
    .attr('fill', (b) => fillFor(b.state))
  sel
    .select('text')
    .attr('x', (b) => (x(b.x0) + x(b.x1)) / 2)
    .attr('y', (b) => laneY(b.lane) + barH / 2)
    .attr('font-size', Math.min(14, barH * 0.7))
    .text((b) => (b.job >= 0 && (b.state === State.Running || b.state === State.Io) && pitch >= 15 && x(b.x1) - x(b.x0) > 30 ? `#${b.job + 1}` : ''))
}

function drawExitsSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
  const exits: { g: number; t: number; how: number }[] = []
  if (tr) {
    for (let id = 0; id < tr.goroutines; id++) {
      const t = tr.gExit.data[id]
      if (!isNaN(t) && t <= cursor) exits.push({ g: id, t: t / scale, how: tr.gExitHow.data[id] })
    }
  }
  g.selectAll<SVGTextElement, (typeof exits)[number]>('text')
    .data(exits, (d) => d.g)
    .join('text')
    .attr('class', (d) => (d.how === 0 ? 'exit done' : 'exit cancelled'))
    .attr('x', (d) => x(d.t) + 3)
    .attr('y', (d) => laneY(d.g) + barH / 2)
    .attr('dy', '0.35em')
    .attr('font-size', Math.max(9, Math.min(15, barH)))
    .text((d) => (d.how === 0 ? '✓' : '✕'))
}

function drawBarriers(g: G, tr: Trace | null, theory: Theory, cursor: number, scale: number, x: ScaleLinear<number, number>, plotH: number): void {
  const measured = tr ? tr.barriers.filter((t) => t <= cursor).map((t) => t / scale) : []
  const lines = tr ? measured.map((t, i) => ({ t, i, kind: 'measured' })) : theory.barriers.map((t, i) => ({ t, i, kind: 'theory' }))
  const sel = g
    .selectAll<SVGGElement, (typeof lines)[number]>('g.barrier')
    .data(lines, (d) => `${d.kind}${d.i}`)
    .join((e) => {
      const b = e.append('g').attr('class', 'barrier')
      b.append('line')
      b.append('text').attr('text-anchor', 'middle')
      return b
    })
  sel.attr('data-kind', (d) => d.kind)
  sel
    .select('line')
    .attr('x1', (d) => x(d.t))
    .attr('x2', (d) => x(d.t))
    .attr('y1', M.top)
    .attr('y2', M.top + plotH)
    .attr('stroke', BARRIER_COLOR)
    .attr('stroke-opacity', (d) => (d.kind === 'measured' ? 0.75 : 0.3))
    .attr('stroke-dasharray', (d) => (d.kind === 'measured' ? null : '4 4'))
  const spacing = lines.length > 1 ? x(lines[1].t) - x(lines[0].t) : Infinity
  sel
    .select('text')
    .attr('x', (d) => x(d.t))
    .attr('y', M.top + plotH + 2)
    .text((d) => (d.i === 0 || spacing > 70 ? 'wg.Wait()' : ''))
}

function drawMarkers(g: G, input: TimelineInput, theory: Theory, tr: Trace | null, measuredEnd: number, x: ScaleLinear<number, number>, plotH: number): void {
  type Mark = { id: string; t: number; label: string; color: string; dash: string | null; anchor: 'start' | 'end' }
  const marks: Mark[] = []
  const theoryMark: Mark = { id: 'theory', t: theory.makespan, label: `theory ${formatMs(theory.makespan)}`, color: '#475569', dash: '5 4', anchor: 'end' }
  marks.push(theoryMark)
  if (tr && tr.status !== 'running' && !isNaN(tr.endT) && input.cursor >= tr.endT) {
    const before = measuredEnd < theory.makespan
    theoryMark.anchor = before ? 'start' : 'end'
    const measured: Mark = { id: 'measured', t: measuredEnd, label: `measured ${formatMs(measuredEnd)}`, color: BARRIER_COLOR, dash: null, anchor: before ? 'end' : 'start' }
    if (Math.abs(x(measuredEnd) - x(theory.makespan)) < 170) {
      // too close for two labels: one label on the measured line names both
      measured.label += ` · theory ${formatMs(theory.makespan)}`
      theoryMark.label = ''
    }
    marks.push(measured)
  }
  if (input.showCursor) {
    const t = input.cursor / (tr ? tr.scenario.timeScale : input.scenario.timeScale)
    marks.push({ id: 'cursor', t, label: formatMs(t), color: CURSOR_COLOR, dash: null, anchor: 'start' })
  }
  const [left, right] = x.range()
  // keep every label inside the plot: flip its side when it would run past an edge (≈ 8 px a character)
  for (const m of marks) {
    const w = m.label.length * 8 + 6
    if (m.anchor === 'start' && x(m.t) + w > right + M.right) m.anchor = 'end'
    else if (m.anchor === 'end' && x(m.t) - w < left) m.anchor = 'start'
  }
  const sel = g
    .selectAll<SVGGElement, Mark>('g.mark')
    .data(marks, (d) => d.id)
    .join((e) => {
      const m = e.append('g').attr('class', 'mark')
      m.append('line')
      m.append('text')
      return m
    })
  sel.attr('data-id', (d) => d.id)
  sel
    .select('line')
    .attr('x1', (d) => x(d.t))
    .attr('x2', (d) => x(d.t))
    .attr('y1', M.top - 4)
    .attr('y2', (d) => M.top + plotH + (d.id === 'cursor' ? 0 : 22))
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', (d) => (d.id === 'cursor' ? 2 : 1.5))
    .attr('stroke-dasharray', (d) => d.dash)
  sel
    .select('text')
    .attr('x', (d) => x(d.t) + (d.anchor === 'start' ? 5 : -5))
    .attr('y', (d) => (d.id === 'cursor' ? M.top + 14 : M.top + plotH + 34))
    .attr('text-anchor', (d) => d.anchor)
    .attr('fill', (d) => d.color)
    .text((d) => d.label)
}
