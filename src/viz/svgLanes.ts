/** SVG layers drawn per lane: labels, theory ghosts, lifelines, bars, exit marks. */
import type { ScaleLinear } from 'd3-scale'
import { State } from '../core/events'
import type { Theory } from '../core/theory'
import type { Trace } from '../core/trace'
import { fillFor } from './hatch'
import { M, type Bar } from './layout'
import { joinShapeWithLabel, type G } from './join'
import { GHOST_FILL, GHOST_OUTLINE, GHOST_STROKE } from './palette'

export function drawLabels(g: G, names: string[], pitch: number, laneY: (l: number) => number, barH: number): void {
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
    .attr('font-size', Math.max(11, Math.min(18, pitch * 0.6)))
    .text((d) => d.name)
}

export function drawGhostsSvg(g: G, theory: Theory, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number, filled: boolean): void {
  g.selectAll<SVGRectElement, Theory['jobs'][number]>('rect')
    .data(theory.jobs.filter((j) => !isNaN(j.end)))
    .join('rect')
    .attr('class', 'ghost')
    .attr('x', (j) => x(j.begin))
    .attr('y', (j) => laneY(j.lane))
    .attr('width', (j) => Math.max(0.5, x(j.end) - x(j.begin)))
    .attr('height', barH)
    .attr('fill', filled ? GHOST_FILL : 'none')
    .attr('stroke', filled ? GHOST_STROKE : GHOST_OUTLINE)
    .attr('stroke-width', filled ? 1 : 1.5)
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

export function drawBarsSvg(g: G, bars: Bar[], x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number, pitch: number): void {
  const sel = joinShapeWithLabel(g, 'bar', bars, (b) => b.key, 'rect')
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
    .attr('dy', '0.35em')
    .attr('text-anchor', 'middle')
    .attr('font-size', Math.min(18, barH * 0.6))
    .text((b) => (b.job >= 0 && (b.state === State.Running || b.state === State.Io) && pitch >= 15 && x(b.x1) - x(b.x0) > 30 ? `#${b.job + 1}` : ''))
}

export function drawExitsSvg(g: G, tr: Trace | null, cursor: number, scale: number, x: ScaleLinear<number, number>, laneY: (l: number) => number, barH: number): void {
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
