import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'

export interface ChromeEvent {
  ph: string
  name: string
  cat?: string
  pid: number
  tid?: number
  ts: number
  dur?: number
  args?: Record<string, unknown>
}

export interface ChromeFile {
  traceEvents: ChromeEvent[]
  metadata: Record<string, unknown> & { scenario: { pattern: string; shared: { n: number }; params: Record<string, unknown> }; channels: Record<string, number> }
}

/** Presses Download trace and reads the file the browser saved. */
export async function downloadTrace(page: Page): Promise<ChromeFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download trace/ }).click()])
  return JSON.parse(await readFile(await download.path(), 'utf8')) as ChromeFile
}

/** Timestamps are µs rounded to ns: slices closer than this touch. */
const TOUCH_US = 0.001

/** Largest number of [ts, ts + dur) intervals open at once (an end at t closes before a start at t). */
export function peakOverlap(slices: { ts: number; dur?: number }[]): number {
  const pts: [number, number][] = []
  for (const s of slices) pts.push([s.ts, 1], [s.ts + (s.dur ?? 0) - TOUCH_US, -1])
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let cur = 0
  let peak = 0
  for (const [, d] of pts) peak = Math.max(peak, (cur += d))
  return peak
}

/**
 * What every real run's trace must satisfy, read from the downloaded file: violations in words.
 * A thread never runs two slices at once; a channel never holds more than its capacity; jobs of a
 * goroutine never overlap; no item is handled twice by one group (stage) of goroutines.
 */
export function fileViolations(f: ChromeFile): string[] {
  const out: string[] = []
  const byThread = new Map<number, ChromeEvent[]>()
  for (const e of f.traceEvents) if (e.cat === 'cpu') byThread.set(e.tid ?? -1, [...(byThread.get(e.tid ?? -1) ?? []), e])
  for (const [k, slices] of byThread) if (peakOverlap(slices) > 1) out.push(`thread ${k} ran two slices at once`)
  for (const e of f.traceEvents) {
    if (e.ph !== 'C' || !e.name.startsWith('chan ')) continue
    const cap = f.metadata.channels[e.name.slice(5)]
    const len = Number(e.args?.len)
    if (cap !== undefined && len > cap) out.push(`${e.name}: len ${len} > cap ${cap}`)
  }
  const jobsByG = new Map<number, ChromeEvent[]>()
  for (const e of f.traceEvents) if (e.cat === 'job') jobsByG.set(e.tid ?? -1, [...(jobsByG.get(e.tid ?? -1) ?? []), e])
  for (const [g, jobs] of jobsByG) if (peakOverlap(jobs) > 1) out.push(`goroutine ${g} ran two jobs at once`)
  for (const [group, items] of itemsByGroup(f)) {
    const seen = new Set<number>()
    for (const i of items) {
      if (seen.has(i)) out.push(`${group}: item ${i} handled twice`)
      seen.add(i)
    }
  }
  return out.slice(0, 20)
}

/** The group of each goroutine track ("g3 Parse 2 [Parse]" → Parse). */
export function groupOf(f: ChromeFile): Map<number, string> {
  const m = new Map<number, string>()
  for (const e of f.traceEvents) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.pid === 1) {
      const g = /\[(.+)\]$/.exec(String(e.args?.name ?? ''))
      if (g) m.set(e.tid ?? -1, g[1])
    }
  }
  return m
}

/** Items handled by each group's jobs. */
export function itemsByGroup(f: ChromeFile): Map<string, number[]> {
  const groups = groupOf(f)
  const out = new Map<string, number[]>()
  for (const e of f.traceEvents) {
    if (e.cat !== 'job' || e.args?.item === undefined) continue
    const group = groups.get(e.tid ?? -1) ?? `g${e.tid}`
    out.set(group, [...(out.get(group) ?? []), Number(e.args.item)])
  }
  return out
}

/** Peak jobs in progress at once per group (a pipeline stage's workers bound it). */
export function peakPerGroup(f: ChromeFile): Map<string, number> {
  const groups = groupOf(f)
  const slices = new Map<string, ChromeEvent[]>()
  for (const e of f.traceEvents) {
    if (e.cat !== 'job') continue
    const group = groups.get(e.tid ?? -1)
    if (group) slices.set(group, [...(slices.get(group) ?? []), e])
  }
  return new Map([...slices].map(([g, s]) => [g, peakOverlap(s)]))
}
