import { axisTop } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { pointer, select } from 'd3-selection'
import { JobStatus } from '../core/events'
import { tickFormatter } from '../core/format'
import { describeAt } from './hover'
import { addSvgHatches, canvasFills } from './hatch'
import { BARS_PER_JOB, M, MAX_PITCH, SVG_BAR_LIMIT, forEachBar, laneCount, laneGroups, laneNames, timeDomain, type Bar, type TimelineController, type TimelineInput } from './layout'
import { AXIS_COLOR, BARRIER_COLOR, FAIL_COLOR, GHOST_FILL, HANDOFF_COLOR } from './palette'
import { drawBarsSvg, drawExitsSvg, drawGhostsSvg, drawGroupBands, drawHandoffsSvg, drawLabels, drawLifelinesSvg } from './svgLanes'
import { drawBarriers, drawMarkers } from './svgOverlays'

/** A swimlane timeline: one lane per goroutine (lane = goroutine id), bars by state, theory as ghosts. */
let timelines = 0

export function createTimeline(el: HTMLElement): TimelineController {
  const root = select(el).classed('timeline', true)
  const canvas = root.append('canvas').attr('class', 'tl-canvas').node() as HTMLCanvasElement
  const svg = root.append('svg').attr('class', 'tl-svg').attr('role', 'img')
  const defs = svg.append('defs')
  addSvgHatches(defs)
  defs
    .append('marker')
    .attr('id', 'arrow-handoff')
    .attr('viewBox', '0 0 8 8')
    .attr('refX', 7)
    .attr('refY', 4)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0 L8,4 L0,8 z')
    .attr('fill', HANDOFF_COLOR)
  const clipId = `tl-clip-${++timelines}`
  const clipRect = defs.append('clipPath').attr('id', clipId).append('rect')
  const gBands = svg.append('g').attr('class', 'tl-groups')
  const gAxis = svg.append('g').attr('class', 'tl-axis')
  const gLabels = svg.append('g').attr('class', 'tl-labels')
  // everything drawn on the time axis is clipped to the plot (the axis may start after 0)
  const plot = svg.append('g').attr('class', 'tl-plot').attr('clip-path', `url(#${clipId})`)
  const gLife = plot.append('g').attr('class', 'tl-life')
  const gBars = plot.append('g').attr('class', 'tl-bars')
  // theory above the measured bars: filled before a run, an outline over a run's bars
  const gGhost = plot.append('g').attr('class', 'tl-ghosts')
  const gMarks = plot.append('g').attr('class', 'tl-marks')
  const gHandoffs = plot.append('g').attr('class', 'tl-handoffs')
  const gBarriers = plot.append('g').attr('class', 'tl-barriers')
  const gCursor = svg.append('g').attr('class', 'tl-cursor')
  const badge = svg.append('text').attr('class', 'tl-badge')
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  let fills: ReturnType<typeof canvasFills> | null = null
  let width = el.clientWidth
  let height = el.clientHeight
  let last: TimelineInput | null = null
  /** geometry of the last drawing, for hit-testing the pointer */
  let geom: { x: ScaleLinear<number, number>; pitch: number; lanes: number; names: string[] } | null = null
  let ghostTheory: TimelineInput['theory'] | undefined = undefined
  let ghostGeom = ''
  const tip = root.append('div').attr('class', 'tl-tip').attr('role', 'tooltip').style('display', 'none')

  svg.on('pointermove', (ev: PointerEvent) => {
    if (!geom || !last) return
    const [px, py] = pointer(ev, svg.node())
    const lane = Math.floor((py - M.top) / geom.pitch)
    const t = geom.x.invert(px)
    const lines = lane >= 0 && lane < geom.lanes && t >= 0 ? describeAt(last.trace, last.theory, geom.names[lane], lane, t, last.cursor) : null
    if (!lines) {
      tip.style('display', 'none')
      return
    }
    tip
      .style('display', 'block')
      .style('left', `${Math.max(4, Math.min(px + 14, width - 280))}px`)
      .style('top', `${py > height / 2 ? py - 18 - 22 * lines.length : py + 16}px`)
      .selectAll('div')
      .data(lines)
      .join('div')
      .text((d) => d)
  })
  svg.on('pointerleave', () => tip.style('display', 'none'))

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
    const scale = trace ? trace.timeScale : scenario.shared.timeScale
    const lanes = laneCount(input)
    const { xMin, xMax, measuredEnd } = timeDomain(input)
    const x = scaleLinear().domain([xMin, xMax]).range([M.left, width - M.right])
    const plotH = height - M.top - M.bottom
    const pitch = Math.min(MAX_PITCH, plotH / Math.max(1, lanes))
    const barH = pitch >= 4 ? pitch * 0.74 : Math.max(1, pitch)
    const laneY = (g: number) => M.top + g * pitch + (pitch - barH) / 2

    svg.attr('width', width).attr('height', height).attr('aria-label', `Timeline of ${lanes} goroutines`)
    // a little room right of the plot for exit marks and labels
    clipRect.attr('x', M.left - 1).attr('y', 0).attr('width', Math.max(0, width - M.left)).attr('height', height)
    gAxis
      .attr('transform', `translate(0,${M.top - 6})`)
      .call(axisTop(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((d) => tickFormatter(xMax)(+d)))
      .call((g) => g.selectAll('text').attr('fill', AXIS_COLOR))

    const names = laneNames(input, lanes)
    geom = { x, pitch, lanes, names }
    const highlight = new Set(input.highlight)
    drawGroupBands(gBands, pitch >= 2 ? laneGroups(input, lanes) : [], pitch, M.left, width - M.right)
    drawLabels(gLabels, names, pitch, laneY, barH, highlight)

    // Decided by the scenario's size, not by what is drawn so far, so a run never switches mid-way.
    const plannedJobs = Math.max(theory ? theory.jobsBegun : 0, scenario.shared.n)
    const useCanvas = plannedJobs * BARS_PER_JOB > SVG_BAR_LIMIT
    let counts = { bars: 0, jobBars: 0 }
    if (useCanvas) {
      gGhost.selectAll('*').remove()
      ghostTheory = null
      gBars.selectAll('*').remove()
      gLife.selectAll('*').remove()
      gMarks.selectAll('*').remove()
      gHandoffs.selectAll('*').remove()
      counts = drawCanvas(input, x, laneY, barH, pitch)
    } else {
      clearCanvas()
      const bars: Bar[] = []
      if (trace) forEachBar(trace, input.cursor, scale, (key, lane, x0, x1, state, job) => x1 >= xMin && bars.push({ key, lane, x0: Math.max(x0, xMin), x1, state, job }))
      counts = { bars: bars.length, jobBars: countJobBars(bars) }
      // the theory does not move while a run is drawn: redraw it only when it or the geometry changes
      const ghostKey = `${x.domain()[1]}|${width}|${height}|${lanes}|${trace === null}`
      if (theory !== ghostTheory || ghostKey !== ghostGeom) {
        drawGhostsSvg(gGhost, theory, x, laneY, barH, trace === null)
        ghostTheory = theory
        ghostGeom = ghostKey
      }
      drawLifelinesSvg(gLife, trace, input.cursor, scale, x, laneY, barH)
      drawBarsSvg(gBars, trace, bars, x, laneY, barH, pitch)
      drawExitsSvg(gMarks, pitch >= 10 ? trace : null, input.cursor, scale, x, laneY, barH)
      drawHandoffsSvg(gHandoffs, pitch >= 8 ? trace : null, input.cursor, scale, x, laneY, barH)
    }
    el.dataset.mode = useCanvas ? 'canvas' : 'svg'
    el.dataset.lanes = String(lanes)
    el.dataset.bars = String(counts.bars)
    el.dataset.jobBars = String(counts.jobBars)
    // what a run that goes on until Stop still holds in detail (real ms since its origin)
    el.dataset.retainedFrom = trace ? String(Math.round(trace.base)) : '0'
    el.dataset.segments = trace ? String(trace.segments) : '0'
    drawBarriers(gBarriers, trace, theory, input.cursor, x, plotH)
    drawMarkers(gCursor, input, trace, measuredEnd, x, plotH)
    root.classed('computing', theory === null && trace === null)
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

  /** Draws ghosts, bars and exits on the canvas; returns how many bars (and job bars) it drew. */
  function drawCanvas(input: TimelineInput, x: ScaleLinear<number, number>, laneY: (g: number) => number, barH: number, pitch: number): { bars: number; jobBars: number } {
    const counts = { bars: 0, jobBars: 0 }
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
    ctx.save()
    ctx.beginPath()
    ctx.rect(M.left - 1, 0, width - M.left, height)
    ctx.clip()
    fills ??= canvasFills(ctx)
    // one Path2D per fill: a few fill() calls instead of tens of thousands of styled fillRect()s
    const ghosts = new Path2D()
    const th = input.theory
    if (th) {
      const ts = th.timeScale
      for (let j = 0; j < th.jobIds; j++) {
        const b = th.jBegin.data[j] / ts
        const e = th.jEnd.data[j] / ts
        if (!isNaN(b) && !isNaN(e)) ghosts.rect(x(b), laneY(th.jG.data[j]), Math.max(0.5, x(e) - x(b)), barH)
      }
    }
    ctx.fillStyle = GHOST_FILL
    ctx.fill(ghosts)
    if (input.trace) {
      const paths = new Map<number, Path2D>()
      forEachBar(input.trace, input.cursor, input.trace.timeScale, (_s, lane, x0, x1, state, job) => {
        counts.bars++
        if (job >= 0) counts.jobBars++
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
      const scale = tr.timeScale
      ctx.fillStyle = BARRIER_COLOR
      for (let g = 0; g < tr.goroutines; g++) {
        const t = tr.gExit.data[g]
        if (isNaN(t) || t > input.cursor || tr.gExitHow.data[g] !== 0) continue
        ctx.fillRect(x(t / scale) - 1, laneY(g) + barH * 0.2, 2, barH * 0.6)
      }
      // failed and dropped jobs: a red tick at their end
      ctx.fillStyle = FAIL_COLOR
      for (let j = 0; j < tr.jobIds; j++) {
        const st = tr.jStatus.data[j]
        if ((st !== JobStatus.Failed && st !== JobStatus.Dropped) || tr.jEnd.data[j] > input.cursor) continue
        ctx.fillRect(x(tr.jEnd.data[j] / scale) - 2, laneY(tr.jG.data[j]), 3, barH)
      }
    }
    ctx.restore()
    return counts
  }

  function countJobBars(bars: Bar[]): number {
    let n = 0
    for (const b of bars) if (b.job >= 0) n++
    return n
  }

  return {
    update,
    destroy() {
      ro.disconnect()
      root.selectAll('*').remove()
    },
  }
}
