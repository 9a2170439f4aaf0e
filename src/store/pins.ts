import { createStore, del, get, set } from 'idb-keyval'
import { createStore as createZustand } from 'zustand/vanilla'
import { fromRecord, toRecord, type TraceRecord } from '../core/traceIO'
import type { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'

/** Runs on the compare view: at most this many, like the talk's four-way slide. */
export const MAX_PINS = 4

export interface Pin {
  id: number
  /** what the run was ("Worker pool · 100 items × 50 ms · P = 10") */
  label: string
  trace: Trace
  theory: Trace | null
}

interface PinState {
  pins: Pin[]
}

/** Pinned runs: outside the scenario, so they survive changing the settings; kept in IndexedDB across reloads. */
export const pinStore = createZustand<PinState>()(() => ({ pins: [] }))

const db = typeof indexedDB !== 'undefined' ? createStore('go-concurrency', 'pins') : null
const KEY = 'pins-v1'
let nextId = 1

interface Stored {
  label: string
  trace: TraceRecord
  theory: TraceRecord | null
}

async function save(): Promise<void> {
  if (!db) return
  const stored: Stored[] = pinStore.getState().pins.map((p) => ({ label: p.label, trace: toRecord(p.trace), theory: p.theory ? toRecord(p.theory) : null }))
  try {
    if (stored.length === 0) await del(KEY, db)
    else await set(KEY, stored, db)
  } catch {
    // storage full or refused (private mode): the pins stay for this session
  }
}

/** The label of a run: its pattern and its scenario in a few words. */
export function labelOf(tr: Trace): string {
  const mod = REGISTRY.pattern(tr.scenario.pattern)
  return mod ? `${mod.title} · ${mod.summary(tr.scenario)}` : tr.scenario.pattern
}

/** Pins a run (the oldest goes when there are MAX_PINS already). Returns its id. */
export function pin(trace: Trace, theory: Trace | null, label = labelOf(trace)): number {
  const id = nextId++
  const pins = [...pinStore.getState().pins, { id, label, trace, theory }].slice(-MAX_PINS)
  pinStore.setState({ pins })
  void save()
  return id
}

export function unpin(id: number): void {
  pinStore.setState({ pins: pinStore.getState().pins.filter((p) => p.id !== id) })
  void save()
}

export function clearPins(): void {
  pinStore.setState({ pins: [] })
  void save()
}

/** Restores the pins of an earlier visit; a record that no longer opens is dropped. */
export async function loadPins(): Promise<string[]> {
  if (!db) return []
  const problems: string[] = []
  try {
    const stored = (await get<Stored[]>(KEY, db)) ?? []
    const pins: Pin[] = []
    for (const s of stored.slice(0, MAX_PINS)) {
      try {
        if (!REGISTRY.pattern(s.trace.scenario.pattern)) throw new Error(`unknown pattern ${String(s.trace.scenario.pattern).slice(0, 40)}`)
        pins.push({ id: nextId++, label: String(s.label).slice(0, 200), trace: fromRecord(s.trace), theory: s.theory ? fromRecord(s.theory) : null })
      } catch (e) {
        problems.push(`A pinned run could not be restored (${e instanceof Error ? e.message : String(e)}).`)
      }
    }
    pinStore.setState({ pins })
  } catch {
    problems.push('The pinned runs of an earlier visit could not be read.')
  }
  return problems
}
