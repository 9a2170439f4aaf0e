import { computeMetrics } from '../core/metrics'
import type { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { store } from './app'
import { showManualCopy } from './manualCopy'
import { notify } from './notices'
import { labelOf, pinStore } from './pins'
import { traceHub } from './traceHub'

/** A run to export, with its label and its ideal schedule. */
export interface ExportRun {
  label: string
  trace: Trace
  theory: Trace | null
}

/** What an export shows: the pinned runs when the compare view is open, else the run on screen. */
export function exportRuns(): ExportRun[] {
  if (store.getState().view.main === 'compare') return pinStore.getState().pins.map((p) => ({ label: p.label, trace: p.trace, theory: p.theory }))
  const tr = traceHub.get()
  return tr ? [{ label: labelOf(tr), trace: tr, theory: traceHub.theory() }] : []
}


async function toClipboard(text: string, kind: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    notify('info', `${kind} copied to the clipboard (${text.length.toLocaleString('en-US')} characters).`)
  } catch {
    showManualCopy(text, kind)
  }
}

function nothing(): boolean {
  if (exportRuns().length > 0) return false
  notify('info', 'Nothing to export yet: run the scenario (Space), or pin runs for the compare view.')
  return true
}

/** The run (or the compare view) as a text timeline, in the style of the talk's diagrams. */
export async function copyAscii(): Promise<void> {
  if (nothing()) return
  const { asciiCompare, asciiTimeline } = await import('../viz/ascii')
  const runs = exportRuns()
  const theoryMs = (r: ExportRun) => (r.theory && r.theory.status === 'done' ? r.theory.endT / r.theory.timeScale : undefined)
  const text = runs.length === 1 ? asciiTimeline(runs[0].trace, { title: runs[0].label, theoryMs: theoryMs(runs[0]) }) : asciiCompare(runs.map((r) => ({ label: r.label, trace: r.trace, theoryMs: theoryMs(r) })))
  await toClipboard(text, 'The ASCII timeline')
}

async function svgOf(): Promise<string> {
  const { runsToSvg } = await import('../viz/exportSvg')
  const runs = exportRuns()
  const s = store.getState()
  const preset = s.presetId ? REGISTRY.preset(s.presetId) : undefined
  return runsToSvg(runs, { title: runs.length > 1 ? (preset?.title ?? 'Runs compared') : runs[0].label, caption: runs.length > 1 ? undefined : preset?.lesson })
}

export async function copySvg(): Promise<void> {
  if (nothing()) return
  await toClipboard(await svgOf(), 'The SVG')
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

function stamp(tr: Trace): string {
  return new Date(tr.meta.startedAt || Date.now()).toISOString().replace(/[:.]/g, '-')
}

/** A PNG at twice the size, for slides. */
export async function savePng(): Promise<void> {
  if (nothing()) return
  const { svgToPng } = await import('../viz/exportSvg')
  try {
    const runs = exportRuns()
    download(await svgToPng(await svgOf(), 2), `${runs.length > 1 ? 'compare' : runs[0].trace.scenario.pattern}-${stamp(runs[0].trace)}.png`)
  } catch (e) {
    notify('error', `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Chrome Trace Event JSON (opens in Perfetto; Open trace reads it back). */
export async function downloadTrace(): Promise<void> {
  const tr = traceHub.get()
  if (!tr) return
  // the trace writer is loaded the first time it is needed (the first page stays small)
  const { toChromeTrace } = await import('../core/chromeTrace')
  const mod = REGISTRY.module(tr.scenario.pattern)
  const json = JSON.stringify(toChromeTrace(tr, computeMetrics(tr, traceHub.theory()), mod.summary(tr.scenario), traceHub.theory()))
  download(new Blob([json], { type: 'application/json' }), `trace-${tr.scenario.pattern}-${stamp(tr)}.json`)
}
