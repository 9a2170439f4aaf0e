import { axisBottom, axisLeft } from 'd3-axis'
import { scaleLinear, scaleLog, type ScaleLinear } from 'd3-scale'
import { select, type Selection } from 'd3-selection'
import { line } from 'd3-shape'
import { formatMs } from '../core/format'
import { timeTicks } from './timeAxis'

/** One curve of a sweep: the value of the setting → makespan (scenario ms), with measured points. */
export interface SweepSeries {
  name: string
  color: string
  theory: { x: number; ms: number }[]
  measured: { x: number; ms: number }[]
}

export interface SweepInput {
  label: string
  log: boolean
  series: SweepSeries[]
  /** items per run, for the throughput panel (NaN: no throughput) */
  items: number
}

const MARGIN = { top: 26, right: 24, bottom: 44, left: 78 }

/** Ticks of a panel's y axis: their values and labels, for its scale and its height in px. */
type YTicks = (y: ScaleLinear<number, number>, px: number) => { values: number[]; format: (v: number) => string }

/**
 * Makespan (top) and throughput (bottom) over a range of one setting: the theory as a line per
 * series, measured runs as dots. Redrawn whenever the input changes.
 */
export function createSweepChart(el: HTMLElement): { update(input: SweepInput): void; destroy(): void } {
  const svg = select(el).append('svg').attr('class', 'sweep-svg').attr('role', 'img')
  let last: SweepInput | null = null
  const ro = new ResizeObserver(() => last && update(last))
  ro.observe(el)

  /** A panel over the sweep's range; `yTicks` picks and labels its y ticks for the scale and its height in px. */
  function panel(g: Selection<SVGGElement, unknown, null, undefined>, input: SweepInput, w: number, h: number, value: (ms: number) => number, yLabel: string, yTicks: YTicks): void {
    const xs = input.series.flatMap((s) => s.theory.map((p) => p.x))
    const ys = input.series.flatMap((s) => [...s.theory, ...s.measured].map((p) => value(p.ms))).filter(Number.isFinite)
    if (xs.length === 0) return
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)]
    const x = input.log && x0 > 0 ? scaleLog().domain([x0, Math.max(x1, x0 * 1.01)]).range([MARGIN.left, w - MARGIN.right]) : scaleLinear().domain([x0, Math.max(x1, x0 + 1)]).range([MARGIN.left, w - MARGIN.right])
    const y = scaleLinear().domain([0, Math.max(1, ...ys) * 1.08]).range([h - MARGIN.bottom, MARGIN.top]).nice()
    g.append('g').attr('class', 'sweep-axis').attr('transform', `translate(0,${h - MARGIN.bottom})`).call(axisBottom(x).ticks(6, input.log ? '~s' : undefined))
    const yAxis = yTicks(y, h - MARGIN.top - MARGIN.bottom)
    g.append('g')
      .attr('class', 'sweep-axis')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).tickValues(yAxis.values).tickFormat((v) => yAxis.format(+v)))
    g.append('text').attr('class', 'sweep-title').attr('x', MARGIN.left).attr('y', MARGIN.top - 8).text(yLabel)
    g.append('text').attr('class', 'sweep-xlabel').attr('x', w - MARGIN.right).attr('y', h - 6).attr('text-anchor', 'end').text(input.label)
    for (const s of input.series) {
      const pts = s.theory.map((p) => [x(p.x), y(value(p.ms))] as [number, number]).filter((p) => Number.isFinite(p[1]))
      g.append('path').attr('d', line()(pts) ?? '').attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 3).attr('stroke-dasharray', '7 4')
      g.selectAll(null).data(s.theory).join('circle').attr('cx', (p) => x(p.x)).attr('cy', (p) => y(value(p.ms))).attr('r', 3.5).attr('fill', '#fff').attr('stroke', s.color).attr('stroke-width', 2)
      g.selectAll(null).data(s.measured).join('circle').attr('class', 'sweep-measured').attr('cx', (p) => x(p.x)).attr('cy', (p) => y(value(p.ms))).attr('r', 7).attr('fill', s.color)
    }
  }

  function update(input: SweepInput): void {
    last = input
    const w = el.clientWidth
    const h = el.clientHeight
    if (w < 100 || h < 100) return
    svg.attr('width', w).attr('height', h).attr('aria-label', `Makespan and throughput over ${input.label}`)
    svg.selectAll('*').remove()
    const both = Number.isFinite(input.items)
    const ph = both ? h / 2 : h
    // makespans on a time axis, round in its unit; throughputs as items per second
    panel(svg.append('g'), input, w, ph, (ms) => ms, 'makespan (dashed: theory · dots: measured)', (y, px) => timeTicks(0, y.domain()[1], px, 45, 0))
    if (both)
      panel(svg.append('g').attr('transform', `translate(0,${ph})`), input, w, ph, (ms) => (ms > 0 ? (input.items / ms) * 1000 : NaN), 'throughput, items per second', (y) => ({
        values: y.ticks(5),
        format: (v) => `${Math.round(v).toLocaleString('en-US')}/s`,
      }))
    const legend = svg.append('g').attr('transform', `translate(${w - MARGIN.right},${MARGIN.top - 8})`)
    input.series.forEach((s, i) => {
      legend.append('text').attr('x', 0).attr('y', i * 18).attr('text-anchor', 'end').attr('class', 'sweep-legend').attr('fill', s.color).text(s.name)
    })
    el.dataset.points = String(input.series.reduce((n, s) => n + s.theory.length, 0))
    el.dataset.measured = String(input.series.reduce((n, s) => n + s.measured.length, 0))
    el.dataset.first = input.series[0]?.theory[0] ? formatMs(input.series[0].theory[0].ms) : ''
  }

  return {
    update,
    destroy() {
      ro.disconnect()
      svg.remove()
    },
  }
}
