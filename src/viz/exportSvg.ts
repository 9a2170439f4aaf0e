import { scaleLinear } from 'd3-scale'
import { Exit } from '../core/events'
import { formatMs } from '../core/format'
import type { Trace } from '../core/trace'
import { forEachBar } from './layout'
import { BARRIER_COLOR, GHOST_OUTLINE, HATCHED, LEGEND, STATE_COLOR } from './palette'
import { timeTicks } from './timeAxis'

/** One run to draw: its label, its trace and the ideal schedule it is held to. */
export interface SvgRun {
  label: string
  trace: Trace
  theory: Trace | null
}

export interface SvgOptions {
  /** px; the height follows from the lanes */
  width?: number
  title?: string
  caption?: string
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

/** Text for SVG: the five XML specials escaped, control characters dropped. */
export function xml(s: string): string {
  // oxlint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const r = (x: number) => Math.round(x * 10) / 10

function hatchDefs(): string {
  return [...HATCHED]
    .map((st) => `<pattern id="h${st}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${STATE_COLOR[st]}" fill-opacity="0.28"/><rect width="2.5" height="6" fill="${STATE_COLOR[st]}"/></pattern>`)
    .join('')
}

const fill = (st: number) => (HATCHED.has(st) ? `url(#h${st})` : STATE_COLOR[st])

/**
 * A standalone SVG of one run, or several stacked on one time axis (the compare view): lanes with
 * their names, bars by state, the ideal schedule as dashed outlines, exits, barriers and each run's
 * makespan. For slides: it carries its own styles and fonts and depends on no page.
 */
export function runsToSvg(runs: readonly SvgRun[], opts: SvgOptions = {}): string {
  const width = opts.width ?? 1600
  const left = 170
  const right = 40
  const end = Math.max(1, ...runs.map((run) => Math.max(run.trace.end / run.trace.timeScale, run.theory && run.theory.status === 'done' ? run.theory.end / run.theory.timeScale : 0))) * 1.03
  const x = scaleLinear().domain([0, end]).range([left, width - right])
  const { values: ticks, format: tick } = timeTicks(0, end, width - left - right, 140, 10)
  const out: string[] = []
  let y = 16
  if (opts.title) {
    out.push(`<text x="16" y="${y + 22}" font-size="26" font-weight="800" fill="#0f172a">${xml(opts.title)}</text>`)
    y += 34
  }
  if (opts.caption) {
    out.push(`<text x="16" y="${y + 18}" font-size="18" fill="#334155">${xml(opts.caption)}</text>`)
    y += 28
  }
  // the shared axis
  y += 26
  const axisY = y
  for (const t of ticks) {
    out.push(`<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${axisY}" y2="${axisY + 6}" stroke="#94a3b8"/>`)
    out.push(`<text x="${r(x(t))}" y="${axisY - 6}" font-size="16" text-anchor="middle" fill="#334155">${xml(tick(t))}</text>`)
  }
  out.push(`<line x1="${left}" x2="${width - right}" y1="${axisY + 6}" y2="${axisY + 6}" stroke="#94a3b8"/>`)
  y += 16
  const first = runs[0] ? runs[0].trace.endT / runs[0].trace.timeScale : NaN
  for (const run of runs) {
    const tr = run.trace
    const scale = tr.timeScale
    const lanes = Math.max(tr.goroutines, run.theory ? run.theory.goroutines : 0)
    const pitch = Math.max(2, Math.min(26, (runs.length > 1 ? 260 : 520) / Math.max(1, lanes)))
    const barH = pitch >= 4 ? pitch * 0.76 : pitch
    const ms = tr.status === 'done' ? tr.endT / scale : NaN
    const vs = runs.length > 1 && Number.isFinite(ms) && Number.isFinite(first) && run !== runs[0] ? ` · ${first / ms >= 1 ? `${(first / ms).toFixed(first / ms >= 10 ? 0 : 1)}× faster` : `${(ms / first).toFixed(1)}× slower`} than the first` : ''
    out.push(`<text x="16" y="${y + 20}" font-size="20" font-weight="800" fill="#0f172a">${xml(run.label)}</text>`)
    out.push(`<text x="${width - right}" y="${y + 20}" font-size="20" font-weight="800" text-anchor="end" fill="#0f172a">${xml(Number.isFinite(ms) ? formatMs(ms) : tr.status)}${xml(vs)}</text>`)
    y += 30
    const top = y
    const laneY = (g: number) => top + g * pitch + (pitch - barH) / 2
    const every = pitch >= 14 ? 1 : Math.ceil(14 / pitch)
    for (let g = 0; g < lanes; g += every) {
      const name = g < tr.goroutines ? tr.goroutineName(g) : run.theory ? run.theory.goroutineName(g) : ''
      out.push(`<text x="${left - 10}" y="${r(laneY(g) + barH / 2)}" dy="0.35em" font-size="${Math.max(11, Math.min(17, pitch * 0.7))}" text-anchor="end" fill="#0f172a">${xml(name)}</text>`)
    }
    forEachBar(tr, tr.end, scale, (_s, lane, x0, x1, state) => {
      out.push(`<rect x="${r(x(x0))}" y="${r(laneY(lane))}" width="${r(Math.max(0.8, x(x1) - x(x0)))}" height="${r(barH)}" fill="${fill(state)}"/>`)
    })
    if (run.theory) {
      const th = run.theory
      for (let j = 0; j < th.jobIds; j++) {
        const b = th.jBegin.data[j] / th.timeScale
        const e = th.jEnd.data[j] / th.timeScale
        if (isNaN(b) || isNaN(e)) continue
        out.push(`<rect x="${r(x(b))}" y="${r(laneY(th.jG.data[j]))}" width="${r(Math.max(0.5, x(e) - x(b)))}" height="${r(barH)}" fill="none" stroke="${GHOST_OUTLINE}" stroke-width="1.2" stroke-dasharray="3 2"/>`)
      }
    }
    if (pitch >= 8) {
      for (let g = 0; g < tr.goroutines; g++) {
        const t = tr.gExit.data[g]
        if (isNaN(t)) continue
        const ok = tr.gExitHow.data[g] === Exit.Returned
        out.push(`<text x="${r(x(t / scale) + 4)}" y="${r(laneY(g) + barH / 2)}" dy="0.35em" font-size="${Math.min(16, barH)}" fill="${ok ? '#047857' : '#b91c1c'}">${ok ? '✓' : '✕'}</text>`)
      }
    }
    const h = lanes * pitch
    for (let i = 0; i < tr.mT.length; i++) {
      if (tr.text(tr.mKind.data[i]) !== 'barrier') continue
      const bx = r(x(tr.mT.data[i] / scale))
      out.push(`<line x1="${bx}" x2="${bx}" y1="${top}" y2="${top + h}" stroke="${BARRIER_COLOR}" stroke-opacity="0.7"/>`)
    }
    if (Number.isFinite(ms)) out.push(`<line x1="${r(x(ms))}" x2="${r(x(ms))}" y1="${top - 4}" y2="${top + h + 4}" stroke="${BARRIER_COLOR}" stroke-width="2"/>`)
    y = top + h + 22
  }
  // legend
  let lx = 16
  for (const l of LEGEND) {
    out.push(`<rect x="${lx}" y="${y}" width="26" height="16" rx="3" fill="${fill(l.state)}"/><text x="${lx + 32}" y="${y + 13}" font-size="15" fill="#0f172a">${xml(l.label)}</text>`)
    lx += 40 + l.label.length * 8.2
  }
  out.push(`<rect x="${lx}" y="${y}" width="26" height="16" rx="2" fill="none" stroke="${GHOST_OUTLINE}" stroke-dasharray="3 2"/><text x="${lx + 32}" y="${y + 13}" font-size="15" fill="#0f172a">theory</text>`)
  const height = Math.ceil(y + 32)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xml(FONT)}"><defs>${hatchDefs()}</defs><rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`
}

/** Renders an SVG string to a PNG at `scale`× (2 for crisp slides). Browser only. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const m = /width="(\d+)" height="(\d+)"/.exec(svg)
  const w = m ? Number(m[1]) : 1600
  const h = m ? Number(m[2]) : 900
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(h * scale)
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.scale(scale, scale)
    ctx.drawImage(img, 0, 0, w, h)
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}
