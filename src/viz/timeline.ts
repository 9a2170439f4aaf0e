import { axisTop } from 'd3-axis'
import { scaleLinear, type ScaleLinear } from 'd3-scale'
import { pointer, select } from 'd3-selection'
import { createCanvasLanes } from './canvasLanes'
import { describeAt, segmentAt } from './hover'
import { addSvgHatches } from './hatch'
import { timeTicks } from './timeAxis'
import { BARS_PER_JOB, M, MAX_PITCH, marginsOf, SVG_BAR_LIMIT, forEachBar, laneCount, laneGroups, laneNames, timeDomain, type Bar, type TimelineController, type TimelineInput, type TimelineOptions } from './layout'
import { AXIS_COLOR, HANDOFF_COLOR } from './palette'
import { drawBarsSvg, drawExitsSvg, drawGhostsSvg, drawGroupBands, drawHandoffsSvg, drawLabels, drawLifelinesSvg } from './svgLanes'
import { drawBarriers, drawMarkers } from './svgOverlays'

/** A swimlane timeline: one lane per goroutine (lane = goroutine id), bars by state, theory as ghosts. */
let timelines = 0

export function createTimeline(el: HTMLElement, opts: TimelineOptions = {}): TimelineController {
  const root = select(el).classed('timeline', true)
  const lanesCanvas = createCanvasLanes(el)
  const svg = root.append('svg').attr('class', 'tl-svg').attr('role', 'img').attr('aria-describedby', opts.describedBy ?? null)
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
  let width = el.clientWidth
  let height = el.clientHeight
  let last: TimelineInput | null = null
  /** geometry of the last drawing, for hit-testing the pointer */
  let geom: { x: ScaleLinear<number, number>; pitch: number; lanes: number; names: string[]; top: number } | null = null
  let ghostTheory: TimelineInput['theory'] | undefined = undefined
  let ghostGeom = ''
  const tip = root.append('div').attr('class', 'tl-tip').attr('role', 'tooltip').style('display', 'none')

  svg.on('pointermove', (ev: PointerEvent) => {
    if (!geom || !last) return
    const [px, py] = pointer(ev, svg.node())
    const lane = Math.floor((py - geom.top) / geom.pitch)
    const t = geom.x.invert(px)
    const inLanes = lane >= 0 && lane < geom.lanes && t >= 0
    const lines = inLanes ? describeAt(last.trace, last.theory, geom.names[lane], lane, t, last.cursor) : null
    opts.onHover?.(inLanes && last.trace ? segmentAt(last.trace, lane, t, last.cursor) : -1, inLanes ? lane : -1)
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
  svg.on('pointerleave', () => {
    tip.style('display', 'none')
    opts.onHover?.(-1, -1)
  })

  const ro = new ResizeObserver(() => {
    width = el.clientWidth
    height = el.clientHeight
    if (last) update(last)
  })
  ro.observe(el)

  let lastAxis = ''

  function update(input: TimelineInput): void {
    last = input
    if (width < 50 || height < 50) return
    const { theory, trace, scenario } = input
    const scale = trace ? trace.timeScale : scenario.shared.timeScale
    const lanes = laneCount(input)
    const { xMin, xMax, measuredEnd } = timeDomain(input)
    const { top, bottom, left } = marginsOf(input, width)
    const x = scaleLinear().domain([xMin, xMax]).range([left, width - M.right])
    const plotH = height - top - bottom
    const pitch = Math.min(input.large ? MAX_PITCH * 1.3 : MAX_PITCH, plotH / Math.max(1, lanes))
    // Decided by the scenario's size, not by what is drawn so far, so a run never switches mid-way;
    // a run until Stop has no size (it grows until then), and a finished one (an opened file) is
    // as large as it is, whatever its scenario says
    const plannedJobs = Math.max(theory ? theory.jobsBegun : 0, scenario.shared.n)
    const recorded = trace && trace.status !== 'running' ? trace.segments : 0
    const useCanvas = input.window > 0 || plannedJobs * BARS_PER_JOB > SVG_BAR_LIMIT || recorded > SVG_BAR_LIMIT
    // lanes under 2 px (a hundred goroutines on a projector): a bar of a few drawn in SVG stays 2 px
    // thick, over its neighbours' gap, so that one long job (a straggler) still shows as a line
    const barH = pitch >= 4 ? pitch * (input.large ? 0.84 : 0.74) : Math.max(useCanvas ? 1 : 2, pitch)
    const laneY = (g: number) => top + g * pitch + (pitch - barH) / 2

    svg.attr('width', width).attr('height', height).attr('aria-label', `Timeline of ${lanes} goroutines`)
    // a little room right of the plot for exit marks and labels
    clipRect.attr('x', left - 1).attr('y', 0).attr('width', Math.max(0, width - left)).attr('height', height)
    // the axis is rebuilt only when it changes (a live run's frames mostly keep it as it is)
    const hideAxis = Boolean(input.compact && !input.compact.axis)
    const axisKey = `${xMin}|${xMax}|${left}|${width}|${top}|${hideAxis}|${Boolean(input.large)}`
    if (axisKey !== lastAxis) {
      lastAxis = axisKey
      gAxis
        .attr('display', hideAxis ? 'none' : null)
        .attr('transform', `translate(0,${top - 6})`)
        .call((g) => {
          const ticks = timeTicks(xMin, xMax, width - left, 110, input.large ? 14 : 8)
          g.call(axisTop(x).tickValues(ticks.values).tickFormat((d) => ticks.format(+d)))
        })
        .call((g) => g.selectAll('text').attr('fill', AXIS_COLOR))
    }

    const names = laneNames(input, lanes)
    geom = { x, pitch, lanes, names, top }
    const highlight = new Set(input.highlight)
    const groups = pitch >= 2 ? laneGroups(input, lanes) : []
    const named = drawGroupBands(gBands, groups, pitch, left, width - M.right, top)
    drawLabels(gLabels, names, pitch, laneY, barH, highlight, input.large, left, height, named)

    let counts = { bars: 0, jobBars: 0 }
    if (useCanvas) {
      gGhost.selectAll('*').remove()
      ghostTheory = null
      gBars.selectAll('*').remove()
      gLife.selectAll('*').remove()
      gMarks.selectAll('*').remove()
      gHandoffs.selectAll('*').remove()
      gBarriers.selectAll('*').remove()
      counts = lanesCanvas.draw(input, { x, laneY, barH, pitch, width, height, left, top, plotH })
    } else {
      lanesCanvas.clear()
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
      drawBarsSvg(gBars, trace, bars, x, laneY, barH, pitch, input.emphasize ?? null, Boolean(input.large))
      drawExitsSvg(gMarks, pitch >= 10 ? trace : null, input.cursor, scale, x, laneY, barH)
      drawHandoffsSvg(gHandoffs, pitch >= 8 ? trace : null, input.cursor, scale, x, laneY, barH)
    }
    el.dataset.mode = useCanvas ? 'canvas' : 'svg'
    el.dataset.lanes = String(lanes)
    el.dataset.pitch = pitch.toFixed(1)
    el.dataset.bars = String(counts.bars)
    el.dataset.jobBars = String(counts.jobBars)
    // what a run that goes on until Stop still holds in detail (real ms since its origin)
    el.dataset.retainedFrom = trace ? String(Math.round(trace.base)) : '0'
    el.dataset.segments = trace ? String(trace.segments) : '0'
    // which state of the trace is drawn (the status line says which its numbers show)
    el.dataset.version = trace ? String(trace.version) : '-1'
    // and which moment of it (scenario ms; a replay's numbers say which they show: the status line's data-at)
    el.dataset.cursor = trace ? String(input.cursor / scale) : ''
    // barriers of a large run are drawn on its canvas
    if (!useCanvas) drawBarriers(gBarriers, trace, theory, input.cursor, x, plotH, top, !input.compact)
    drawMarkers(gCursor, input, trace, measuredEnd, x, plotH, top)
    root.classed('computing', theory === null && trace === null)
    badge
      .attr('x', 6)
      .attr('y', height - 4)
      .attr('text-anchor', 'start')
      // how dense the lanes are, for a learner; not for an audience (projector mode), nor in a narrow
      // plot, where it would run into the measured and theory labels on the same row
      .text(pitch < 10 && !input.compact && !input.large && width >= 560 ? `${lanes.toLocaleString('en-US')} lanes · ${pitch.toFixed(pitch < 1 ? 2 : 1)} px each` : '')
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
      lanesCanvas.destroy()
      root.selectAll('*').remove()
    },
  }
}
