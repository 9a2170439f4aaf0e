import type { ScaleLinear } from 'd3-scale'
import { JobStatus } from '../core/events'
import type { Trace } from '../core/trace'
import { canvasFills } from './hatch'
import { DIMMED, forEachBar, type TimelineInput } from './layout'
import { BARRIER_COLOR, FAIL_COLOR, GHOST_FILL } from './palette'

export interface LaneGeometry {
  x: ScaleLinear<number, number>
  laneY: (g: number) => number
  barH: number
  pitch: number
  width: number
  height: number
  /** x where the plot begins (the label column ends) */
  left: number
}

/**
 * The bars of one fill, as few rectangles as make the same picture: bars of a lane that touch or
 * overlap (within a quarter pixel) become one, and bars outside the plot are left out. Skia
 * rasterises a Path2D when the canvas is committed, and thousands of sub-pixel rectangles cost
 * ~30 ms there (a continuous run's 60 s of ideal schedule); merged, it is a few hundred.
 */
class Bars {
  readonly path = new Path2D()
  private readonly open = new Map<number, { a: number; b: number }>()
  constructor(private readonly g: LaneGeometry) {}

  add(px0: number, px1: number, y: number, min: number): void {
    const g = this.g
    const b = Math.min(Math.max(px1, px0 + min), g.width + 1)
    const a = Math.max(px0, g.left - 2)
    if (a > g.width || b < g.left - 1 || y > g.height || y + g.barH < 0) return
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

interface Layer {
  canvas: HTMLCanvasElement
  ctx: CanvasRenderingContext2D
  /** what it shows now; it is redrawn only when this (or the trace it came from) changes */
  key: string
  source: Trace | null | undefined
}

/**
 * The bars of a large run, on two canvases (without a GPU, rasterising a big canvas costs tens of
 * ms, so neither is redrawn unless what it shows changed):
 * - the ideal schedule, drawn when the theory or the geometry changes;
 * - the run's bars: a finished run is drawn once, whole, and a replay only moves a CSS clip over it
 *   (a bar is drawn up to the cursor either way, so this is exactly the same picture); a live run is
 *   redrawn as it grows.
 */
/** A number per distinct emphasis predicate, so that a cached layer is redrawn when it changes. */
const emphasisIds = new WeakMap<object, number>()
let nextEmphasis = 1
function emphasisId(f: ((seg: number) => boolean) | null | undefined): number {
  if (!f) return 0
  let id = emphasisIds.get(f)
  if (id === undefined) emphasisIds.set(f, (id = nextEmphasis++))
  return id
}

export function createCanvasLanes(root: HTMLElement): {
  draw(input: TimelineInput, g: LaneGeometry): { bars: number; jobBars: number }
  clear(): void
  destroy(): void
} {
  const layer = (cls: string): Layer => {
    const canvas = document.createElement('canvas')
    canvas.className = cls
    root.prepend(canvas)
    return { canvas, ctx: canvas.getContext('2d') as CanvasRenderingContext2D, key: '', source: undefined }
  }
  const bars = layer('tl-canvas tl-canvas-bars')
  const ghosts = layer('tl-canvas tl-canvas-ghosts')
  let fills: ReturnType<typeof canvasFills> | null = null
  let counts = { bars: 0, jobBars: 0 }

  function begin(l: Layer, g: LaneGeometry): CanvasRenderingContext2D {
    const dpr = window.devicePixelRatio || 1
    const w = Math.round(g.width * dpr)
    const h = Math.round(g.height * dpr)
    if (l.canvas.width !== w || l.canvas.height !== h) {
      l.canvas.width = w
      l.canvas.height = h
      l.canvas.style.width = `${g.width}px`
      l.canvas.style.height = `${g.height}px`
      if (l === bars) fills = null
    }
    const ctx = l.ctx
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, g.width, g.height)
    ctx.save()
    ctx.beginPath()
    ctx.rect(g.left - 1, 0, g.width - g.left, g.height)
    ctx.clip()
    return ctx
  }

  function drawGhosts(th: Trace | null, g: LaneGeometry): void {
    const ctx = begin(ghosts, g)
    // one Path2D per fill: a few fill() calls instead of tens of thousands of styled fillRect()s
    const p = new Bars(g)
    if (th) {
      const ts = th.timeScale
      for (let j = 0; j < th.jobIds; j++) {
        const b = th.jBegin.data[j] / ts
        const e = th.jEnd.data[j] / ts
        if (!isNaN(b) && !isNaN(e)) p.add(g.x(b), g.x(e), g.laneY(th.jG.data[j]), 0.5)
      }
    }
    ctx.fillStyle = GHOST_FILL
    ctx.fill(p.done())
    ctx.restore()
  }

  function drawBars(tr: Trace, cursor: number, g: LaneGeometry, emphasize: ((seg: number) => boolean) | null): void {
    const ctx = begin(bars, g)
    fills ??= canvasFills(ctx)
    counts = { bars: 0, jobBars: 0 }
    // per state, and dimmed (1) or not (0) when some segments are to stand out
    const paths = new Map<number, Bars>()
    forEachBar(tr, cursor, tr.timeScale, (seg, lane, x0, x1, state, job) => {
      counts.bars++
      if (job >= 0) counts.jobBars++
      const key = state * 2 + (emphasize && !emphasize(seg) ? 1 : 0)
      let p = paths.get(key)
      if (!p) paths.set(key, (p = new Bars(g)))
      p.add(g.x(x0), g.x(x1), g.laneY(lane), 0.6)
    })
    for (const [key, p] of paths) {
      ctx.globalAlpha = key % 2 ? DIMMED : 1
      ctx.fillStyle = (fills as Record<number, string | CanvasPattern>)[key >> 1] ?? '#000'
      ctx.fill(p.done())
    }
    ctx.globalAlpha = 1
    if (g.pitch >= 3) {
      const scale = tr.timeScale
      ctx.fillStyle = BARRIER_COLOR
      for (let k = 0; k < tr.goroutines; k++) {
        const t = tr.gExit.data[k]
        if (isNaN(t) || t > cursor || tr.gExitHow.data[k] !== 0) continue
        ctx.fillRect(g.x(t / scale) - 1, g.laneY(k) + g.barH * 0.2, 2, g.barH * 0.6)
      }
      // failed and dropped jobs: a red tick at their end
      ctx.fillStyle = FAIL_COLOR
      for (let j = 0; j < tr.jobIds; j++) {
        const st = tr.jStatus.data[j]
        if ((st !== JobStatus.Failed && st !== JobStatus.Dropped) || tr.jEnd.data[j] > cursor) continue
        ctx.fillRect(g.x(tr.jEnd.data[j] / scale) - 2, g.laneY(tr.jG.data[j]), 3, g.barH)
      }
    }
    ctx.restore()
  }

  return {
    draw(input, g) {
      const geom = `${g.width}|${g.height}|${g.x.domain().join(',')}|${g.pitch}`
      const gk = `${geom}|${input.theory ? input.theory.version : -1}`
      if (input.theory !== ghosts.source || ghosts.key !== gk) {
        drawGhosts(input.theory, g)
        ghosts.key = gk
        ghosts.source = input.theory
      }
      const tr = input.trace
      if (!tr) {
        // no run yet: no bar layer at all (an empty full-size canvas still costs the compositor)
        if (bars.key !== 'none') {
          bars.canvas.width = 0
          bars.canvas.height = 0
          bars.key = 'none'
          bars.source = undefined
          counts = { bars: 0, jobBars: 0 }
        }
        bars.canvas.style.clipPath = ''
        return counts
      }
      const finished = tr.status !== 'running'
      if (finished) {
        // the whole run, once; the cursor only moves the clip
        const key = `${geom}|${tr.version}|whole|${emphasisId(input.emphasize)}`
        if (bars.key !== key || bars.source !== tr) {
          drawBars(tr, tr.end, g, input.emphasize ?? null)
          bars.key = key
          bars.source = tr
        }
        const right = input.cursor >= tr.end ? 0 : Math.max(0, g.width - g.x(input.cursor / tr.timeScale))
        bars.canvas.style.clipPath = right > 0 ? `inset(0 ${right}px 0 0)` : ''
        return counts
      }
      bars.canvas.style.clipPath = ''
      drawBars(tr, input.cursor, g, input.emphasize ?? null)
      bars.key = `${geom}|live`
      return counts
    },
    clear() {
      for (const l of [bars, ghosts]) {
        l.canvas.width = 0
        l.canvas.height = 0
        l.key = ''
        l.source = undefined
      }
      bars.canvas.style.clipPath = ''
    },
    destroy() {
      bars.canvas.remove()
      ghosts.canvas.remove()
    },
  }
}
