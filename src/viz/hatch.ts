import type { Selection } from 'd3-selection'
import { HATCHED, STATE_COLOR } from './palette'

/** SVG <pattern> ids for hatched states: `url(#hatch-<state>)`. */
export function hatchId(state: number): string {
  return `hatch-${state}`
}

export function fillFor(state: number): string {
  return HATCHED.has(state) ? `url(#${hatchId(state)})` : STATE_COLOR[state]
}

export function addSvgHatches(defs: Selection<SVGDefsElement, unknown, null, undefined>): void {
  for (const state of HATCHED) {
    const p = defs
      .append('pattern')
      .attr('id', hatchId(state))
      .attr('width', 6)
      .attr('height', 6)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('patternTransform', 'rotate(45)')
    p.append('rect').attr('width', 6).attr('height', 6).attr('fill', STATE_COLOR[state]).attr('fill-opacity', 0.28)
    p.append('rect').attr('width', 2.5).attr('height', 6).attr('fill', STATE_COLOR[state])
  }
}

/** Canvas fill styles: solid colours, and stripe patterns for hatched states. */
export function canvasFills(ctx: CanvasRenderingContext2D): Record<number, string | CanvasPattern> {
  const out: Record<number, string | CanvasPattern> = {}
  for (const key of Object.keys(STATE_COLOR)) {
    const state = Number(key)
    if (!HATCHED.has(state)) {
      out[state] = STATE_COLOR[state]
      continue
    }
    const tile = document.createElement('canvas')
    tile.width = tile.height = 6
    const t = tile.getContext('2d') as CanvasRenderingContext2D
    t.fillStyle = STATE_COLOR[state]
    t.globalAlpha = 0.28
    t.fillRect(0, 0, 6, 6)
    t.globalAlpha = 1
    t.beginPath()
    for (let i = -6; i < 12; i += 6) {
      t.moveTo(i, 6)
      t.lineTo(i + 6, 0)
    }
    t.strokeStyle = STATE_COLOR[state]
    t.lineWidth = 2
    t.stroke()
    out[state] = ctx.createPattern(tile, 'repeat') ?? STATE_COLOR[state]
  }
  return out
}
