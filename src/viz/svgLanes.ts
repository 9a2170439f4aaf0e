/** SVG layers drawn per lane: labels, group bands, theory ghosts, lifelines, bars, exits, handoff arrows. */
import type { ScaleLinear } from 'd3-scale'
import { Exit, JobStatus, Op, State } from '../core/events'
import type { Trace } from '../core/trace'
import { fillFor } from './hatch'
import { DIMMED, LABEL_PX, M, MAX_ARROWS, type Bar } from './layout'
import { joinShapeWithLabel, setText, type G } from './join'
import { GHOST_FILL, GHOST_OUTLINE, GHOST_STROKE, GROUP_BAND, HANDOFF_COLOR, HIGHLIGHT_COLOR } from './palette'

/** Rough width of a label, in ems (sans-serif; bold is wider): no layout is read to place labels. */
const EM_PER_CHAR = { normal: 0.58, bold: 0.64 }
/** Labels shrink to fit their margin down to this size (px), then are cut with an ellipsis. */
const MIN_FIT_PX = 11

/**
 * Lane names, right-aligned at the plot's left edge. `groupNames`: the vertical spans [y0, y1] of the
 * group names drawGroupBands wrote along the far left; a lane name beside one keeps clear of it. A
 * name too long for its room shrinks, then is cut.
 */
export function drawLabels(g: G, names: string[], pitch: number, laneY: (l: number) => number, barH: number, highlight: ReadonlySet<number>, large = false, left = M.left, height = Infinity, groupNames: [number, number][] = []): void {
  // as large as the lane allows, never below 11 px (24 px and up in projector mode); every lane
  // labelled when there is room (a pixel between labels), else every k-th one
  const px = large ? LABEL_PX.large : Math.max(11, Math.min(LABEL_PX.normal, pitch * 0.6))
  const every = Math.max(1, Math.ceil((px + 1) / Math.max(pitch, 0.01)))
  // a label is never cut by an edge: the first moves down, the last up, a label without room goes
  const yOf = (lane: number) => Math.max(px * 0.6, Math.min(laneY(lane) + barH / 2, height - px * 0.6))
  const shown = names
    .map((name, lane) => ({ name, lane }))
    .filter((d) => d.lane % every === 0 && (d.lane < every || yOf(d.lane) - yOf(d.lane - every) >= px))
  g.selectAll<SVGTextElement, { name: string; lane: number }>('text')
    .data(shown, (d) => d.lane)
    .join('text')
    .attr('x', left - 10)
    .attr('y', (d) => yOf(d.lane))
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .attr('font-weight', (d) => (highlight.has(d.lane) ? 800 : null))
    .attr('fill', (d) => (highlight.has(d.lane) ? HIGHLIGHT_COLOR : null))
    .each(function (d) {
      const bold = highlight.has(d.lane)
      const y = yOf(d.lane)
      const beside = groupNames.some(([y0, y1]) => y + px / 2 > y0 && y - px / 2 < y1)
      // in projector mode a label stays large enough for the back row: cut rather than shrunk below that
      const fit = fitLabel(bold ? `★ ${d.name}` : d.name, px, left - 10 - (beside ? GROUP_NAME_PX : 0), bold ? EM_PER_CHAR.bold : EM_PER_CHAR.normal, large ? LABEL_PX.large - 2 : MIN_FIT_PX)
      this.setAttribute('font-size', String(fit.px))
      if (this.textContent !== fit.text) this.textContent = fit.text
    })
}

/** The size (px) and text of a label that must fit `room` px: smaller first (down to `min` px), then cut with "…". */
export function fitLabel(text: string, px: number, room: number, emPerChar: number, min = MIN_FIT_PX): { text: string; px: number } {
  const width = (s: string, size: number) => s.length * emPerChar * size
  if (width(text, px) <= room) return { text, px }
  const size = Math.max(Math.min(px, min), Math.floor(room / (text.length * emPerChar)))
  if (width(text, size) <= room) return { text, px: size }
  const chars = Math.max(1, Math.floor(room / (emPerChar * size)) - 1)
  return { text: `${text.slice(0, chars)}…`, px: size }
}

/**
 * Alternating bands behind the lanes of each group (a pipeline stage, a batch) when there are two
 * groups or more, each named along the left edge when its band is tall enough for the name.
 */
export function drawGroupBands(g: G, groups: [number, number, string][], pitch: number, x0: number, x1: number, top: number): [number, number][] {
  const shown = groups.length < 2 || groups.length > 400 ? [] : groups
  const sel = joinShapeWithLabel(g, 'group', shown, (d) => `${d[0]}:${d[2]}`, 'rect')
  sel
    .select('rect')
    .attr('x', x0)
    .attr('y', (d) => top + d[0] * pitch)
    .attr('width', Math.max(0, x1 - x0))
    .attr('height', (d) => (d[1] - d[0] + 1) * pitch)
    .attr('fill', (_d, i) => GROUP_BAND[i % 2])
  sel
    .select('text')
    .attr('transform', (d) => `translate(11,${mid(d)}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .call(setText, (d: [number, number, string]) => (named(d, pitch) ? d[2] : ''))
  // where the names are: centred on their bands, ~7 px a character (as `named` counts them)
  return shown.filter((d) => named(d, pitch)).map((d) => [mid(d) - (d[2].length * 7) / 2, mid(d) + (d[2].length * 7) / 2])
  function mid(d: [number, number, string]): number {
    return top + ((d[0] + d[1] + 1) * pitch) / 2
  }
}

/** Px at the left edge that group names take (rotated, centred at x = 11). */
export const GROUP_NAME_PX = 22

/** Whether a group's band is tall enough for its name. */
function named(d: [number, number, string], pitch: number): boolean {
  return (d[1] - d[0] + 1) * pitch >= d[2].length * 7 + 6
}

export function drawGhostsSvg(g: G, theory: Trace | null, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number, filled: boolean): void {
  const ghosts: { lane: number; b: number; e: number }[] = []
  if (theory) {
    const scale = theory.timeScale
    for (let j = 0; j < theory.jobIds; j++) {
      const b = theory.jBegin.data[j]
      const e = theory.jEnd.data[j]
      if (!isNaN(b) && !isNaN(e)) ghosts.push({ lane: theory.jG.data[j], b: b / scale, e: e / scale })
    }
  }
  // a run until Stop plans further than its axis goes: the ideal schedule ends with the axis
  const right = x.range()[1]
  g.selectAll<SVGRectElement, (typeof ghosts)[number]>('rect')
    .data(ghosts.filter((j) => x(j.b) < right))
    .join('rect')
    .attr('class', 'ghost')
    .attr('x', (j) => x(j.b))
    .attr('y', (j) => laneY(j.lane))
    .attr('width', (j) => Math.max(0.5, Math.min(x(j.e), right) - x(j.b)))
    .attr('height', barH)
    .attr('fill', filled ? GHOST_FILL : 'none')
    .attr('stroke', filled ? GHOST_STROKE : GHOST_OUTLINE)
    // over a run's bars, an outline as thick as a thin bar would hide it: thinner in dense lanes
    .attr('stroke-width', filled ? 1 : Math.min(1.5, Math.max(0.4, barH / 5)))
    .attr('stroke-dasharray', '3 2')
}

export function drawLifelinesSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
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

/** Bar labels smaller than this (px) are left out: a 7 px "#1" cannot be read, from the back row or at all. */
const MIN_LABEL_PX = 9

/** Text on a bar: the job's label when it has one, else its number; only when it fits and can be read. */
function barText(tr: Trace | null, b: Bar, width: number, pitch: number, fontPx: number, minPx: number): string {
  if (!tr || b.job < 0 || (b.state !== State.Running && b.state !== State.Io) || pitch < 15 || fontPx < minPx || width <= 30) return ''
  const label = tr.jLabel.data[b.job]
  const item = tr.jItem.data[b.job]
  const num = `#${(item >= 0 ? item : b.job) + 1}`
  const text = label >= 0 ? tr.text(label) : num
  const charPx = Math.max(8, fontPx * 0.62)
  return text.length * charPx < width ? text : num.length * charPx < width ? num : ''
}

/** Bars of a run; `large` (projector mode): job labels from 18 px up, or none. */
export function drawBarsSvg(g: G, tr: Trace | null, bars: Bar[], x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number, pitch: number, emphasize: ((seg: number) => boolean) | null, large = false): void {
  const fontPx = large ? Math.min(22, barH * 0.75) : Math.min(18, barH * 0.6)
  const minPx = large ? 18 : MIN_LABEL_PX
  const sel = joinShapeWithLabel(g, 'bar', bars, (b) => b.key, 'rect')
  sel.attr('data-state', (b) => b.state).attr('data-job', (b) => b.job)
  sel.attr('opacity', (b) => (emphasize && !emphasize(b.key) ? DIMMED : null)).attr('data-emphasized', (b) => (emphasize && emphasize(b.key) ? '1' : null))
  sel
    .select('rect')
    .attr('x', (b) => x(b.x0))
    .attr('y', (b) => laneY(b.lane) + (b.state === State.Waking ? barH * 0.3 : 0))
    .attr('width', (b) => Math.max(0.8, x(b.x1) - x(b.x0)))
    .attr('height', (b) => (b.state === State.Waking ? barH * 0.4 : barH))
    .attr('rx', Math.min(3, barH / 4))
    .attr('fill', (b) => fillFor(b.state))
  sel
    .select('text')
    .attr('x', (b) => (x(b.x0) + x(b.x1)) / 2)
    .attr('y', (b) => laneY(b.lane) + barH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .attr('font-size', fontPx)
    .call(setText, (b: Bar) => barText(tr, b, x(b.x1) - x(b.x0), pitch, fontPx, minPx))
}

/** ✓ where a goroutine returned, ✕ where it was cut off or panicked, and a red ✕ where a job failed or was dropped. */
export function drawExitsSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
  const exits: { key: string; g: number; t: number; cls: string; text: string }[] = []
  if (tr) {
    for (let id = 0; id < tr.goroutines; id++) {
      const t = tr.gExit.data[id]
      if (isNaN(t) || t > cursor) continue
      const how = tr.gExitHow.data[id]
      exits.push({ key: `g${id}`, g: id, t: t / scale, cls: how === Exit.Returned ? 'exit done' : how === Exit.Panicked ? 'exit failed' : 'exit cancelled', text: how === Exit.Returned ? '✓' : '✕' })
    }
    for (let j = 0; j < tr.jobIds; j++) {
      const st = tr.jStatus.data[j]
      if ((st !== JobStatus.Failed && st !== JobStatus.Dropped) || tr.jEnd.data[j] > cursor) continue
      exits.push({ key: `j${j}`, g: tr.jG.data[j], t: tr.jEnd.data[j] / scale, cls: 'exit failed job', text: '✕' })
    }
  }
  g.selectAll<SVGTextElement, (typeof exits)[number]>('text')
    .data(exits, (d) => d.key)
    .join('text')
    .attr('class', (d) => d.cls)
    .attr('x', (d) => x(d.t) + (d.key.startsWith('j') ? -4 : 3))
    .attr('y', (d) => laneY(d.g) + barH / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (d) => (d.key.startsWith('j') ? 'end' : 'start'))
    .attr('font-size', Math.max(9, Math.min(15, barH)))
    .call(setText, (d: { text: string }) => d.text)
}

/**
 * A value passed on an unbuffered channel goes from sender to receiver at one instant: an arrow
 * between their lanes. (Buffered channels hand over directly too when a receiver waits, but there
 * the buffer is the point, and the strip shows it.)
 */
export function drawHandoffsSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
  const arrows: { i: number; t: number; from: number; to: number }[] = []
  if (tr) {
    for (let i = 0; i < tr.xT.length; i++) {
      if (tr.xOp.data[i] !== Op.Handoff || tr.xT.data[i] > cursor || tr.xFrom.data[i] < 0 || tr.xTo.data[i] < 0) continue
      if (tr.resources[tr.xChan.data[i]]?.cap !== 0) continue
      arrows.push({ i, t: tr.xT.data[i] / scale, from: tr.xFrom.data[i], to: tr.xTo.data[i] })
    }
  }
  const shown = arrows.length > MAX_ARROWS ? [] : arrows
  g.selectAll<SVGLineElement, (typeof arrows)[number]>('line')
    .data(shown, (d) => d.i)
    .join('line')
    .attr('x1', (d) => x(d.t))
    .attr('x2', (d) => x(d.t))
    .attr('y1', (d) => laneY(d.from) + barH / 2)
    .attr('y2', (d) => laneY(d.to) + (d.to > d.from ? 1 : barH - 1))
    .attr('stroke', HANDOFF_COLOR)
    .attr('stroke-width', 1.5)
    .attr('marker-end', 'url(#arrow-handoff)')
  g.attr('data-count', arrows.length)
}

