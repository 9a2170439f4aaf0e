/** SVG overlays across all lanes: batch barriers, makespan markers, the time cursor. */
import type { ScaleLinear } from 'd3-scale'
import { formatMs } from '../core/format'
import type { Trace } from '../core/trace'
import { joinShapeWithLabel, type G } from './join'
import { M, marksOf, theorySpan, type TimelineInput } from './layout'
import { BARRIER_COLOR, CURSOR_COLOR } from './palette'

export function drawBarriers(g: G, tr: Trace | null, theory: Trace | null, cursor: number, x: ScaleLinear<number, number>, plotH: number, top: number, labels = true): void {
  const lines = tr
    ? marksOf(tr, 'barrier', cursor).map((t, i) => ({ t, i, kind: 'measured' }))
    : theory
      ? marksOf(theory, 'barrier').map((t, i) => ({ t, i, kind: 'theory' }))
      : []
  const sel = joinShapeWithLabel(g, 'barrier', lines, (d) => `${d.kind}${d.i}`, 'line')
  sel.attr('data-kind', (d) => d.kind)
  sel
    .select('line')
    .attr('x1', (d) => x(d.t))
    .attr('x2', (d) => x(d.t))
    .attr('y1', top)
    .attr('y2', top + plotH)
    .attr('stroke', BARRIER_COLOR)
    .attr('stroke-opacity', (d) => (d.kind === 'measured' ? 0.75 : 0.3))
    .attr('stroke-dasharray', (d) => (d.kind === 'measured' ? null : '4 4'))
  const spacing = lines.length > 1 ? x(lines[1].t) - x(lines[0].t) : Infinity
  sel
    .select('text')
    .attr('x', (d) => x(d.t))
    .attr('y', top + plotH + 2)
    .attr('text-anchor', 'middle')
    .text((d) => (labels && (d.i === 0 || spacing > 70) ? 'wg.Wait()' : ''))
}

export function drawMarkers(g: G, input: TimelineInput, tr: Trace | null, measuredEnd: number, x: ScaleLinear<number, number>, plotH: number, top: number): void {
  type Mark = { id: string; t: number; label: string; color: string; dash: string | null; anchor: 'start' | 'end' }
  const marks: Mark[] = []
  // a theory that ends (not one cut at its horizon) has a makespan worth a line
  const makespan = input.theory && input.theory.status === 'done' ? theorySpan(input.theory) : NaN
  const theoryMark: Mark = { id: 'theory', t: makespan, label: `theory ${formatMs(makespan)}`, color: '#475569', dash: '5 4', anchor: 'end' }
  if (!isNaN(makespan)) marks.push(theoryMark)
  if (tr && tr.status !== 'running' && !isNaN(tr.endT) && input.cursor >= tr.endT) {
    const before = measuredEnd < makespan
    theoryMark.anchor = before ? 'start' : 'end'
    const measured: Mark = { id: 'measured', t: measuredEnd, label: `measured ${formatMs(measuredEnd)}`, color: BARRIER_COLOR, dash: null, anchor: before ? 'end' : 'start' }
    if (!isNaN(makespan) && Math.abs(x(measuredEnd) - x(makespan)) < 170) {
      // too close for two labels: one label on the measured line names both
      measured.label += ` · theory ${formatMs(makespan)}`
      theoryMark.label = ''
    }
    marks.push(measured)
  }
  if (input.showCursor) {
    const t = input.cursor / (tr ? tr.timeScale : input.scenario.shared.timeScale)
    marks.push({ id: 'cursor', t, label: formatMs(t), color: CURSOR_COLOR, dash: null, anchor: 'start' })
  }
  const [left, right] = x.range()
  // keep every label inside the plot: flip its side when it would run past an edge (≈ 8 px a character)
  for (const m of marks) {
    const w = m.label.length * 8 + 6
    if (m.anchor === 'start' && x(m.t) + w > right + M.right) m.anchor = 'end'
    else if (m.anchor === 'end' && x(m.t) - w < left) m.anchor = 'start'
  }
  const sel = joinShapeWithLabel(g, 'mark', marks, (d) => d.id, 'line')
  sel.attr('data-id', (d) => d.id)
  sel
    .select('line')
    .attr('x1', (d) => x(d.t))
    .attr('x2', (d) => x(d.t))
    .attr('y1', top - 4)
    .attr('y2', (d) => top + plotH + (d.id === 'cursor' || input.compact ? 0 : 22))
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', (d) => (d.id === 'cursor' ? 2 : 1.5))
    .attr('stroke-dasharray', (d) => d.dash)
  sel
    .select('text')
    .attr('x', (d) => x(d.t) + (d.anchor === 'start' ? 5 : -5))
    .attr('y', (d) => (d.id === 'cursor' ? top + 14 : top + plotH + 34))
    .attr('text-anchor', (d) => d.anchor)
    .attr('fill', (d) => d.color)
    .text((d) => (input.compact && d.id !== 'cursor' ? '' : d.label))
}
