import type { ScaleLinear } from 'd3-scale'
import { BARRIER_COLOR, FAIL_COLOR } from './palette'

/**
 * The pieces the canvas lanes (canvasLanes.ts) are drawn with: where lanes and bars go, bars merged
 * into few rectangles, barriers per pixel column and the marks drawn on them (barriers, exit and
 * failure ticks), and the frame a drawing was made for, with the bitmap stretch that moves a
 * drawing from one frame to another.
 */

export interface LaneGeometry {
  x: ScaleLinear<number, number>
  laneY: (g: number) => number
  barH: number
  pitch: number
  width: number
  height: number
  /** x where the plot begins (the label column ends) */
  left: number
  /** y of the first lane's top and the lanes' height (barriers span them) */
  top: number
  plotH: number
}

/**
 * The bars of one fill, as few rectangles as make the same picture: bars of a lane that touch or
 * overlap (within a quarter pixel) become one, and bars outside the plot (the time axis: a run until
 * Stop has ideal schedule beyond its axis) are left out or cut at its end. Skia
 * rasterises a Path2D when the canvas is committed, and thousands of sub-pixel rectangles cost
 * ~30 ms there (a continuous run's 60 s of ideal schedule); merged, it is a few hundred.
 */
export class Bars {
  readonly path = new Path2D()
  private readonly open = new Map<number, { a: number; b: number }>()
  /** the axis' last px (a bar that ends there may take a pixel more) */
  private readonly right: number
  constructor(private readonly g: LaneGeometry) {
    this.right = Math.min(g.x.range()[1] + 1, g.width + 1)
  }

  add(px0: number, px1: number, y: number, min: number): void {
    const g = this.g
    const b = Math.min(Math.max(px1, px0 + min), this.right)
    const a = Math.max(px0, g.left - 2)
    if (a >= this.right || b < g.left - 1 || y > g.height || y + g.barH < 0) return
    const cur = this.open.get(y)
    if (cur && a <= cur.b + 0.25 && b >= cur.a - 0.25) {
      cur.a = Math.min(cur.a, a)
      cur.b = Math.max(cur.b, b)
      return
    }
    if (cur) this.path.rect(cur.a, y, cur.b - cur.a, g.barH)
    this.open.set(y, { a, b })
  }

  done(): Path2D {
    for (const [y, r] of this.open) this.path.rect(r.a, y, r.b - r.a, this.g.barH)
    this.open.clear()
    return this.path
  }
}


/**
 * Where a layer's drawing sits: its time axis (domain to x range), its lanes (top, pitch) and the
 * canvas size (css px). A bar at time t in lane k is at x(t), top + k·pitch (+ a margin that scales
 * with the pitch), so a drawing for one frame maps onto another by scaling and moving the bitmap.
 */
export interface Frame {
  d0: number
  d1: number
  r0: number
  r1: number
  top: number
  pitch: number
  width: number
  height: number
  left: number
}

export function frameOf(g: LaneGeometry): Frame {
  const [d0, d1] = g.x.domain()
  const [r0, r1] = g.x.range()
  return { d0, d1, r0, r1, top: g.top, pitch: g.pitch, width: g.width, height: g.height, left: g.left }
}

export function sameFrame(a: Frame | null, b: Frame): boolean {
  return a !== null && a.d0 === b.d0 && a.d1 === b.d1 && a.r0 === b.r0 && a.r1 === b.r1 && a.top === b.top && a.pitch === b.pitch && a.width === b.width && a.height === b.height && a.left === b.left
}

/**
 * Barriers per pixel column: ten thousand barriers of a batches-of-1 run fall on a thousand
 * columns, and each line stroked again costs the rasteriser as much as the first. Translucent
 * lines darken where they pile up, so a column takes a few (a dense stretch still looks dense:
 * three lines at 0.75 cover 98 %), not every one.
 */
export class Columns {
  private readonly count: Uint8Array
  constructor(width: number, private readonly max: number) {
    this.count = new Uint8Array(Math.max(0, Math.ceil(width) + 2))
  }
  /** whether column `px` takes one more line */
  take(px: number): boolean {
    if (px < 0 || px >= this.count.length || this.count[px] >= this.max) return false
    this.count[px]++
    return true
  }
}
/** lines per column: solid barriers at 0.75 (98 % after 3), the ideal schedule's dashed ones at 0.3 (76 % after 4) */
export const RUN_LINES = 3
export const IDEAL_LINES = 4

/** A number per distinct emphasis predicate, so that a cached layer is redrawn when it changes. */
const emphasisIds = new WeakMap<object, number>()
let nextEmphasis = 1
export function emphasisId(f: ((seg: number) => boolean) | null | undefined): number {
  if (!f) return 0
  let id = emphasisIds.get(f)
  if (id === undefined) emphasisIds.set(f, (id = nextEmphasis++))
  return id
}


/**
 * Moves a canvas's drawing, made for frame `from`, to `g`'s geometry: one bitmap copy, scaled and
 * moved, whatever the number of bars, clipped to the plot. `resize` gives the canvas `g`'s size
 * (which clears it). Returns false, having done nothing, when `from` cannot be mapped.
 */
export function stretchBitmap(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, from: Frame | null, g: LaneGeometry, resize: () => void): boolean {
  const f = from
  const w = canvas.width
  const h = canvas.height
  if (!f || w === 0 || h === 0 || !(f.d1 > f.d0) || !(f.r1 > f.r0) || !(f.pitch > 0)) return false
  const scratch = document.createElement('canvas')
  scratch.width = w
  scratch.height = h
  ;(scratch.getContext('2d') as CanvasRenderingContext2D).drawImage(canvas, 0, 0)
  const dpr0 = w / f.width
  // a css pixel of the old drawing at (px, py) goes to (X(px), Y(py)) in the new one
  const X = (px: number) => g.x(f.d0 + ((px - f.r0) / (f.r1 - f.r0)) * (f.d1 - f.d0))
  const sy = g.pitch / f.pitch
  const Y = (py: number) => g.top + (py - f.top) * sy
  resize()
  const dpr = canvas.width / g.width
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, canvas.width, canvas.height)
  ctx.beginPath()
  ctx.rect((g.left - 1) * dpr, 0, (g.width - g.left + 1) * dpr, canvas.height)
  ctx.clip()
  const x0 = X(0)
  const y0 = Y(0)
  ctx.drawImage(scratch, 0, 0, w, h, x0 * dpr, y0 * dpr, (X(w / dpr0) - x0) * dpr, (Y(h / dpr0) - y0) * dpr)
  ctx.restore()
  return true
}

/** A run's barrier (a solid line across the lanes) at scenario ms t, unless its column has enough; strokeBarriers draws them. */
export function barrier(ctx: CanvasRenderingContext2D, g: LaneGeometry, t: number, columns: Columns): void {
  const px = Math.round(g.x(t))
  if (!columns.take(px)) return
  ctx.moveTo(px + 0.5, g.top)
  ctx.lineTo(px + 0.5, g.top + g.plotH)
}

export function strokeBarriers(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = BARRIER_COLOR
  ctx.globalAlpha = 0.75
  ctx.lineWidth = 1
  ctx.stroke()
  ctx.globalAlpha = 1
}

/** A goroutine's return (a short tick at its end). */
export function exitTick(ctx: CanvasRenderingContext2D, g: LaneGeometry, t: number, lane: number): void {
  ctx.fillStyle = BARRIER_COLOR
  ctx.fillRect(g.x(t) - 1, g.laneY(lane) + g.barH * 0.2, 2, g.barH * 0.6)
}

/** A failed or dropped job (a red tick). */
export function failTick(ctx: CanvasRenderingContext2D, g: LaneGeometry, t: number, lane: number): void {
  ctx.fillStyle = FAIL_COLOR
  ctx.fillRect(g.x(t) - 2, g.laneY(lane), 3, g.barH)
}
