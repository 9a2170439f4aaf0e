import type { Trace } from '../core/trace'
import type { Frame, LaneGeometry } from './canvasParts'

/**
 * One canvas of the canvas lanes (canvasLanes.ts), sized to the plot at the device's pixel ratio,
 * with what it shows now: it is drawn again only when that changes.
 */
export class CanvasLayer {
  readonly canvas: HTMLCanvasElement
  readonly ctx: CanvasRenderingContext2D
  /** what it shows now; it is redrawn only when this (or the trace it came from) changes */
  key = ''
  source: Trace | null | undefined = undefined
  /** the geometry it was drawn for */
  frame: Frame | null = null
  /** stretched from a drawing for another geometry: right in place but not crisp; drawn anew when the page is idle */
  approx = false

  /** A canvas put first in `root`; `onResize` is told when its bitmap is sized anew (its context state is reset). */
  constructor(root: HTMLElement, className: string, private readonly onResize: () => void = () => {}) {
    this.canvas = document.createElement('canvas')
    this.canvas.className = className
    root.prepend(this.canvas)
    this.ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D
  }

  /** Sizes the bitmap to `g` at the device's pixel ratio; drawing is in CSS px. */
  size(g: LaneGeometry): void {
    const dpr = window.devicePixelRatio || 1
    const w = Math.round(g.width * dpr)
    const h = Math.round(g.height * dpr)
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w
      this.canvas.height = h
      this.canvas.style.width = `${g.width}px`
      this.canvas.style.height = `${g.height}px`
      this.onResize()
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  }

  /** The layer's context, clipped to the plot; `clear` wipes it first. Pair with ctx.restore(). */
  begin(g: LaneGeometry, clear = true): CanvasRenderingContext2D {
    this.size(g)
    const ctx = this.ctx
    if (clear) ctx.clearRect(0, 0, g.width, g.height)
    ctx.save()
    ctx.beginPath()
    ctx.rect(g.left - 1, 0, g.width - g.left, g.height)
    ctx.clip()
    return ctx
  }

  /** Frees the bitmap (a layer with nothing to show). */
  empty(): void {
    if (this.canvas.width === 0 && this.canvas.height === 0) return
    this.canvas.width = 0
    this.canvas.height = 0
  }
}
