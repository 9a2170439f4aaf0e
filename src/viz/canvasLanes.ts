import { JobStatus, State } from '../core/events'
import type { Trace } from '../core/trace'
import { barrier, Bars, Columns, emphasisId, exitTick, failTick, frameOf, IDEAL_LINES, RUN_LINES, sameFrame, strokeBarriers, stretchBitmap, type LaneGeometry } from './canvasParts'
import { CanvasLayer } from './canvasLayer'
import { canvasFills } from './hatch'
import { DIMMED, forEachBar, type TimelineInput } from './layout'
import { BARRIER_COLOR, GHOST_FILL } from './palette'

/** What the bars layer of a live run already holds. */
interface Live {
  trace: Trace
  key: string
  base: number
  /** segments below this index have been looked at */
  examined: number
  /** segments looked at that were still open then */
  open: number[]
  /** marks below this index have been looked at */
  marks: number
  /** columns with a barrier on the bars layer */
  columns: Columns
  exited: Uint8Array
  failed: Uint8Array
  counts: { bars: number; jobBars: number }
}

/**
 * The bars of a large run, on three canvases. Without a GPU a canvas is rasterised again whenever
 * it is drawn on, at a cost that grows with what is drawn, so each is drawn as little as possible:
 * - the ideal schedule (and its barriers), drawn when the theory or the geometry changes;
 * - the run's bars: a finished run is drawn once, whole, and a replay only moves a CSS clip over it
 *   (a bar is drawn up to the cursor either way, so this is exactly the same picture); a live run
 *   adds only the bars that ended since the last frame, with its barriers, exits and failures;
 * - the live layer: the bars still open, growing up to now, cleared and drawn every frame (a few
 *   per goroutine at most).
 * Anything that changes the picture as a whole (the geometry, the axis, the emphasis, a new run,
 * a continuous run dropping its oldest detail) draws the bars layer anew.
 */
export function createCanvasLanes(root: HTMLElement): {
  draw(input: TimelineInput, g: LaneGeometry): { bars: number; jobBars: number }
  clear(): void
  destroy(): void
} {
  let fills: ReturnType<typeof canvasFills> | null = null
  const liveLayer = new CanvasLayer(root, 'tl-canvas tl-canvas-live')
  // the fills' patterns are made for the bars layer's context as it is sized
  const bars = new CanvasLayer(root, 'tl-canvas tl-canvas-bars', () => (fills = null))
  const ghosts = new CanvasLayer(root, 'tl-canvas tl-canvas-ghosts')
  let counts = { bars: 0, jobBars: 0 }
  let live: Live | null = null
  /** what was drawn last, for the crisp redraw of a stretched layer when the page is idle */
  let last: { input: TimelineInput; g: LaneGeometry } | null = null
  let crispTimer: ReturnType<typeof setTimeout> | null = null

  function drawGhosts(th: Trace | null, g: LaneGeometry): void {
    const ctx = ghosts.begin(g)
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
    if (th) {
      // the ideal schedule's barriers, dashed and faint (the run's are solid)
      ctx.strokeStyle = BARRIER_COLOR
      ctx.globalAlpha = 0.3
      ctx.setLineDash([4, 4])
      ctx.beginPath()
      const columns = new Columns(g.width, IDEAL_LINES)
      const barrierId = th.strings.indexOf('barrier')
      for (let i = 0; i < th.mT.length; i++) {
        if (th.mKind.data[i] !== barrierId) continue
        const px = Math.round(g.x(th.mT.data[i] / th.timeScale))
        if (!columns.take(px)) continue
        ctx.moveTo(px + 0.5, g.top)
        ctx.lineTo(px + 0.5, g.top + g.plotH)
      }
      ctx.stroke()
      ctx.setLineDash([])
      ctx.globalAlpha = 1
    }
    ctx.restore()
  }

  /** Fills bars grouped by state (and dimmed or not): one path per fill. */
  class Fills {
    private readonly paths = new Map<number, Bars>()
    constructor(private readonly g: LaneGeometry, private readonly emphasize: ((seg: number) => boolean) | null) {}
    add(seg: number, lane: number, x0: number, x1: number, state: number): void {
      const key = state * 2 + (this.emphasize && !this.emphasize(seg) ? 1 : 0)
      let p = this.paths.get(key)
      if (!p) this.paths.set(key, (p = new Bars(this.g)))
      p.add(this.g.x(x0), this.g.x(x1), this.g.laneY(lane), 0.6)
    }
    fill(ctx: CanvasRenderingContext2D): void {
      fills ??= canvasFills(ctx)
      for (const [key, p] of this.paths) {
        ctx.globalAlpha = key % 2 ? DIMMED : 1
        ctx.fillStyle = (fills as Record<number, string | CanvasPattern>)[key >> 1] ?? '#000'
        ctx.fill(p.done())
      }
      ctx.globalAlpha = 1
    }
  }

  /** The whole run up to `cursor`, on a cleared bars layer. */
  function drawWhole(tr: Trace, cursor: number, g: LaneGeometry, emphasize: ((seg: number) => boolean) | null): void {
    const ctx = bars.begin(g)
    counts = { bars: 0, jobBars: 0 }
    const f = new Fills(g, emphasize)
    forEachBar(tr, cursor, tr.timeScale, (seg, lane, x0, x1, state, job) => {
      counts.bars++
      if (job >= 0) counts.jobBars++
      f.add(seg, lane, x0, x1, state)
    })
    f.fill(ctx)
    const scale = tr.timeScale
    ctx.beginPath()
    const columns = new Columns(g.width, RUN_LINES)
    const barrierId = tr.strings.indexOf('barrier')
    for (let i = 0; i < tr.mT.length; i++) {
      if (tr.mT.data[i] <= cursor && tr.mKind.data[i] === barrierId) barrier(ctx, g, tr.mT.data[i] / scale, columns)
    }
    strokeBarriers(ctx)
    if (g.pitch >= 3) {
      for (let k = 0; k < tr.goroutines; k++) {
        const t = tr.gExit.data[k]
        if (!isNaN(t) && t <= cursor && tr.gExitHow.data[k] === 0) exitTick(ctx, g, t / scale, k)
      }
      for (let j = 0; j < tr.jobIds; j++) {
        const st = tr.jStatus.data[j]
        if ((st === JobStatus.Failed || st === JobStatus.Dropped) && tr.jEnd.data[j] <= cursor) failTick(ctx, g, tr.jEnd.data[j] / scale, tr.jG.data[j])
      }
    }
    ctx.restore()
  }

  /**
   * A live run: the bars layer gets what ended since the last frame (or everything, when `l` is
   * new), the live layer what is still open, drawn up to `cursor`.
   */
  function drawLive(l: Live, cursor: number, g: LaneGeometry, emphasize: ((seg: number) => boolean) | null, fresh: boolean, final = false): void {
    const tr = l.trace
    // the last pass over a run that has ended: what is still open (a goroutine left blocked) ends at the end
    const end = isNaN(tr.endT) ? cursor : Math.min(cursor, tr.endT)
    const scale = tr.timeScale
    const { sState, sT0, sT1, sG, sJob } = tr
    const closed = new Fills(g, emphasize)
    const opened = new Fills(g, emphasize)
    const stillOpen: number[] = []
    let openBars = 0
    let openJobBars = 0
    const look = (s: number) => {
      const state = sState.data[s]
      if (state === State.Active) return
      const t0 = sT0.data[s]
      let t1 = sT1.data[s]
      if (final && (isNaN(t1) || t1 > end)) t1 = Math.max(t0, end)
      if (!isNaN(t1)) {
        // ended: drawn for good
        l.counts.bars++
        if (sJob.data[s] >= 0) l.counts.jobBars++
        closed.add(s, sG.data[s], t0 / scale, Math.max(t0, t1) / scale, state)
        return
      }
      stillOpen.push(s)
      openBars++
      if (sJob.data[s] >= 0) openJobBars++
      opened.add(s, sG.data[s], t0 / scale, Math.max(t0, cursor) / scale, state)
    }
    for (const s of l.open) look(s)
    for (let s = l.examined; s < tr.segments; s++) look(s)
    l.examined = tr.segments
    l.open = stillOpen

    const ctx = bars.begin(g, fresh)
    closed.fill(ctx)
    ctx.beginPath()
    const barrierId = tr.strings.indexOf('barrier')
    for (; l.marks < tr.mT.length; l.marks++) {
      if (tr.mKind.data[l.marks] === barrierId) barrier(ctx, g, tr.mT.data[l.marks] / scale, l.columns)
    }
    strokeBarriers(ctx)
    if (g.pitch >= 3) {
      if (l.exited.length < tr.goroutines) l.exited = grow(l.exited, tr.goroutines)
      for (let k = 0; k < tr.goroutines; k++) {
        if (l.exited[k]) continue
        const t = tr.gExit.data[k]
        if (isNaN(t)) continue
        l.exited[k] = 1
        if (tr.gExitHow.data[k] === 0) exitTick(ctx, g, t / scale, k)
      }
      if (l.failed.length < tr.jobIds) l.failed = grow(l.failed, tr.jobIds)
      for (let j = 0; j < tr.jobIds; j++) {
        const st = tr.jStatus.data[j]
        if (l.failed[j] || (st !== JobStatus.Failed && st !== JobStatus.Dropped)) continue
        l.failed[j] = 1
        failTick(ctx, g, tr.jEnd.data[j] / scale, tr.jG.data[j])
      }
    }
    ctx.restore()

    const lctx = liveLayer.begin(g)
    opened.fill(lctx)
    lctx.restore()
    counts = { bars: l.counts.bars + openBars, jobBars: l.counts.jobBars + openJobBars }
  }

  /**
   * Stretches what a layer shows from the geometry it was drawn for to `g`'s (a longer time axis, a
   * taller or wider plot): one bitmap copy, whatever the number of bars, instead of drawing them all
   * again. The layer is then approximate: drawn crisp when the run is over and the page idle.
   */
  function restretch(l: CanvasLayer, g: LaneGeometry): void {
    if (stretchBitmap(l.canvas, l.ctx, l.frame, g, () => l.size(g))) l.approx = true
    else l.begin(g).restore() // nothing to stretch: an empty layer of the new size
  }

  /** Stretched layers of a finished run are drawn crisp again, one per task, after the frame that ended the run. */
  function scheduleCrisp(): void {
    if (crispTimer !== null) return
    crispTimer = setTimeout(() => {
      crispTimer = null
      if (!last) return
      const { input, g } = last
      const tr = input.trace
      if (tr && tr.status === 'running') return
      if (bars.approx && tr && bars.source === tr) {
        drawWhole(tr, tr.end, g, input.emphasize ?? null)
        bars.approx = false
        bars.frame = frameOf(g)
      } else if (ghosts.approx && ghosts.source === input.theory) {
        drawGhosts(input.theory, g)
        ghosts.approx = false
        ghosts.frame = frameOf(g)
      } else return
      if (bars.approx || ghosts.approx) scheduleCrisp()
    }, 30)
  }

  function cancelCrisp(): void {
    if (crispTimer !== null) clearTimeout(crispTimer)
    crispTimer = null
  }

  return {
    draw(input, g) {
      last = { input, g }
      const frame = frameOf(g)
      const tr = input.trace
      // When the geometry changes while a run is on screen (its time axis outgrows the theory, or
      // the plot gets taller as the page around it changes), a layer is stretched to it, and drawn
      // crisp again when the run is over and the page idle. A sliding window (a run that goes on
      // until Stop) is drawn anew: stretched every frame, it would blur.
      const stretchable = tr !== null && input.window === 0
      // bars are a share of their lane (more in projector mode): a change of share is drawn anew
      const share = Math.round((g.barH / Math.max(g.pitch, 1e-9)) * 100)
      const gk = `${input.theory ? input.theory.version : -1}|${share}`
      if (input.theory !== ghosts.source || ghosts.key !== gk) {
        drawGhosts(input.theory, g)
        ghosts.key = gk
        ghosts.source = input.theory
        ghosts.approx = false
        ghosts.frame = frame
      } else if (!sameFrame(ghosts.frame, frame)) {
        if (stretchable) restretch(ghosts, g)
        else {
          drawGhosts(input.theory, g)
          ghosts.approx = false
        }
        ghosts.frame = frame
      }
      if (!tr) {
        // no run yet: no bar layers at all (an empty full-size canvas still costs the compositor)
        if (bars.key !== 'none') {
          bars.empty()
          liveLayer.empty()
          bars.key = 'none'
          bars.source = undefined
          bars.approx = false
          bars.frame = null
          live = null
          counts = { bars: 0, jobBars: 0 }
        }
        bars.canvas.style.clipPath = ''
        if (ghosts.approx) scheduleCrisp()
        return counts
      }
      const emphasize = input.emphasize ?? null
      const liveKey = `live|${emphasisId(emphasize)}|${share}`
      if (tr.status !== 'running') {
        // the whole run, once; the cursor only moves the clip
        const key = `${tr.version}|whole|${emphasisId(emphasize)}|${share}`
        if (bars.key !== key || bars.source !== tr) {
          if (live && live.trace === tr && live.key === liveKey && live.base === tr.base && live.examined <= tr.segments && stretchable) {
            // the run just ended: its last bars join what the live frames drew (no redraw of them all)
            if (!sameFrame(bars.frame, frame)) restretch(bars, g)
            drawLive(live, tr.end, g, emphasize, false, true)
          } else {
            drawWhole(tr, tr.end, g, emphasize)
            bars.approx = false
          }
          bars.key = key
          bars.source = tr
          bars.frame = frame
        } else if (!sameFrame(bars.frame, frame)) {
          if (stretchable) restretch(bars, g)
          else {
            drawWhole(tr, tr.end, g, emphasize)
            bars.approx = false
          }
          bars.frame = frame
        }
        live = null
        liveLayer.empty()
        if (bars.approx || ghosts.approx) scheduleCrisp()
        const right = input.cursor >= tr.end ? 0 : Math.max(0, g.width - g.x(input.cursor / tr.timeScale))
        bars.canvas.style.clipPath = right > 0 ? `inset(0 ${right}px 0 0)` : ''
        return counts
      }
      bars.canvas.style.clipPath = ''
      let fresh = !live || live.trace !== tr || live.key !== liveKey || live.base !== tr.base || live.examined > tr.segments
      if (!fresh && !sameFrame(bars.frame, frame)) {
        if (stretchable) {
          restretch(bars, g)
          ;(live as Live).columns = new Columns(g.width, RUN_LINES)
        } else fresh = true
      }
      if (fresh) {
        live = { trace: tr, key: liveKey, base: tr.base, examined: 0, open: [], marks: 0, columns: new Columns(g.width, RUN_LINES), exited: new Uint8Array(0), failed: new Uint8Array(0), counts: { bars: 0, jobBars: 0 } }
        bars.approx = false
      }
      drawLive(live as Live, input.cursor, g, emphasize, fresh)
      bars.key = liveKey
      bars.source = tr
      bars.frame = frame
      return counts
    },
    clear() {
      cancelCrisp()
      for (const l of [bars, ghosts, liveLayer]) {
        l.empty()
        l.key = ''
        l.source = undefined
        l.approx = false
        l.frame = null
      }
      live = null
      last = null
      bars.canvas.style.clipPath = ''
    },
    destroy() {
      cancelCrisp()
      bars.canvas.remove()
      ghosts.canvas.remove()
      liveLayer.canvas.remove()
    },
  }
}

function grow(a: Uint8Array, n: number): Uint8Array {
  const b = new Uint8Array(Math.max(n, a.length * 2))
  b.set(a)
  return b
}
