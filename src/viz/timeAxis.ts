import { scaleLinear } from 'd3-scale'
import { tickFormatter, timeUnit } from '../core/format'

/**
 * Ticks of a time axis over [min, max] ms drawn `px` wide: round numbers in the axis's unit, which
 * the span shown sets (an axis of days ticks at whole days; a 20 s window late in a long run ticks in
 * seconds), about one per `spacing` px, fewer when the labels would touch (a label is about
 * `charPx` per character).
 */
export function timeTicks(min: number, max: number, px: number, spacing = 110, charPx = 8): { values: number[]; format: (ms: number) => string } {
  const unit = timeUnit(max - min).ms
  const format = tickFormatter(max - min)
  const scale = scaleLinear().domain([min / unit, max / unit])
  for (let count = Math.max(2, Math.floor(px / spacing)); ; count--) {
    const values = scale.ticks(count).map((v) => v * unit)
    const longest = Math.max(0, ...values.map((v) => format(v).length))
    if (count <= 2 || values.length <= 1 || px / values.length >= longest * charPx + 16) return { values, format }
  }
}
