import { createStore, del, get, set } from 'idb-keyval'
import { createStore as createZustand } from 'zustand/vanilla'
import type { TraceRecord } from '../core/traceIO'
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
  /** what is stored for it (made once, when the page is idle after pinning) */
  stored?: Stored
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

let saving: ReturnType<typeof setTimeout> | null = null

/** Saves the pins after the current input has been handled (a record is made once per pin). */
function save(): void {
  if (!db || saving !== null) return
  saving = setTimeout(() => {
    saving = null
    void write()
  }, 50)
}

async function write(): Promise<void> {
  if (!db) return
  // records are made by code loaded when the first pin is saved (the first page stays small)
  const { toRecord } = await import('../core/traceIO')
  const stored: Stored[] = pinStore.getState().pins.map((p) => (p.stored ??= { label: p.label, trace: toRecord(p.trace), theory: p.theory ? toRecord(p.theory) : null }))
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

/** Pins a run (the oldest goes when there are MAX_PINS already), named by its pattern (the compare view adds its scenario). Returns its id. */
export function pin(trace: Trace, theory: Trace | null, label = REGISTRY.pattern(trace.scenario.pattern)?.title ?? trace.scenario.pattern): number {
  const id = nextId++
  const pins = [...pinStore.getState().pins, { id, label, trace, theory }].slice(-MAX_PINS)
  pinStore.setState({ pins })
  save()
  return id
}

export function unpin(id: number): void {
  pinStore.setState({ pins: pinStore.getState().pins.filter((p) => p.id !== id) })
  save()
}

export function clearPins(): void {
  pinStore.setState({ pins: [] })
  save()
}

/** Restores the pins of an earlier visit; a record that no longer opens is dropped. */
export async function loadPins(): Promise<string[]> {
  if (!db) return []
  const problems: string[] = []
  try {
    const stored = (await get<Stored[]>(KEY, db)) ?? []
    if (!Array.isArray(stored) || stored.length === 0) return problems
    const [{ recordFrom }, { fromRecord }] = await Promise.all([import('../core/traceFile'), import('../core/traceIO')])
    const pins: Pin[] = []
    for (const s of (Array.isArray(stored) ? stored : []).slice(0, MAX_PINS)) {
      // stored by this page, maybe by an older version of it: checked like any file
      const notices: string[] = []
      const trace = recordFrom(s?.trace, REGISTRY, notices)
      if (!trace) {
        problems.push(`A pinned run could not be restored: ${notices.join(' ')}`)
        continue
      }
      const theory = s.theory ? recordFrom(s.theory, REGISTRY, []) : null
      const label = typeof s.label === 'string' ? s.label.slice(0, 200) : trace.scenario.pattern
      pins.push({ id: nextId++, label, trace: fromRecord(trace), theory: theory ? fromRecord(theory) : null, stored: { label, trace, theory } })
    }
    pinStore.setState({ pins })
  } catch {
    problems.push('The pinned runs of an earlier visit could not be read.')
  }
  return problems
}
