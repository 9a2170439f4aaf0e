import { createStore, get, update } from 'idb-keyval'
import { createStore as createZustand } from 'zustand/vanilla'
import type { TraceRecord } from '../core/traceIO'
import type { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { notify } from './notices'
import { MAX_PINS, applyPinOps, sameKeys, storedEntries, type PinOp } from './pinOps'

export { MAX_PINS }

export interface Pin {
  /** this tab's handle on the pin */
  id: number
  /** the pin's name in storage, the same in every tab */
  key: string
  /** what the run was ("Worker pool · 100 items × 50 ms · P = 10") */
  label: string
  trace: Trace
  theory: Trace | null
}

interface PinState {
  pins: Pin[]
}

/**
 * Pinned runs: outside the scenario, so they survive changing the settings; kept in IndexedDB
 * across reloads and shared by the tabs of the app. Each tab shows its changes at once and stores
 * them as operations on the stored list (pinOps.ts), so a pin made in one tab does not overwrite
 * another tab's; the other tabs hear of it and show the stored list.
 */
export const pinStore = createZustand<PinState>()(() => ({ pins: [] }))

/** The stored list's place; null when there is none or storing failed (the pins then stay for this session). */
let db = typeof indexedDB !== 'undefined' ? createStore('go-concurrency', 'pins') : null
const KEY = 'pins-v1'
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('go-concurrency-pins') : null
let nextId = 1

interface Stored {
  key: string
  label: string
  trace: TraceRecord
  theory: TraceRecord | null
}

/** This tab's changes not yet stored. */
let pending: PinOp<Pin>[] = []
/** Storage work, one task at a time. */
let queue: Promise<unknown> = Promise.resolve()
let saving: ReturnType<typeof setTimeout> | null = null

function change(op: PinOp<Pin>): void {
  pinStore.setState({ pins: applyPinOps(pinStore.getState().pins, [op], (p) => p) })
  if (!db) return
  pending.push(op)
  // stored after the current input has been handled (a record is made once per pin)
  if (saving === null)
    saving = setTimeout(() => {
      saving = null
      enqueue(flush).catch(storingFailed)
    }, 50)
}

/**
 * Storage is full or refused (private mode, a quota): from now on this tab keeps its pins for the
 * session only, as they are on screen, and stops showing the stored list over them.
 */
function storingFailed(): void {
  if (!db) return
  db = null
  pending = []
  notify('warning', 'Pinned runs could not be stored (the browser refused its storage): they stay until this page is closed.')
}

/** Runs `task` after the storage work before it; its failure is the caller's and does not stop the queue. */
function enqueue(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task)
  queue = next.catch(() => undefined)
  return next
}

/** Applies this tab's pending changes to the stored list in one transaction, then tells the other tabs. */
async function flush(): Promise<void> {
  const store = db
  if (!store || pending.length === 0) return
  // taken from `pending` only once stored: while they are stored, a refresh still shows them
  const ops = pending.slice()
  // records are made by code loaded when the first pin is stored (the first page stays small)
  const { toRecord } = await import('../core/traceIO')
  const records = new Map(ops.flatMap((op) => (op.kind === 'add' ? [[op.pin.key, toStored(op.pin, toRecord)] as const] : [])))
  let list: Stored[] = []
  await update<unknown>(
    KEY,
    (old) => {
      list = applyPinOps(storedEntries(old) as unknown as Stored[], ops, (p) => records.get(p.key) as Stored)
      return list
    },
    store,
  )
  pending = pending.slice(ops.length)
  channel?.postMessage('changed')
  await show(list, [])
}

function toStored(p: Pin, toRecord: (t: Trace) => TraceRecord): Stored {
  return { key: p.key, label: p.label, trace: toRecord(p.trace), theory: p.theory ? toRecord(p.theory) : null }
}

/**
 * Shows the stored list, with this tab's changes not yet stored on top; a run already on screen is
 * kept as it is. A stored run that no longer opens is reported in `problems` and removed.
 */
async function show(stored: unknown, problems: string[]): Promise<void> {
  const entries = storedEntries(stored)
  const have = new Map(pinStore.getState().pins.map((p) => [p.key, p]))
  const missing = entries.filter((e) => !have.has(e.key))
  if (missing.length > 0) {
    const [{ recordFrom }, { fromRecord }] = await Promise.all([import('../core/traceFile'), import('../core/traceIO')])
    for (const s of missing) {
      // checked like any file
      const notices: string[] = []
      const trace = recordFrom(s.trace, REGISTRY, notices)
      if (!trace) {
        problems.push(`A pinned run could not be restored: ${notices.join(' ')}`)
        change({ kind: 'remove', key: s.key })
        continue
      }
      const theory = s.theory ? recordFrom(s.theory, REGISTRY, []) : null
      const label = typeof s.label === 'string' ? s.label.slice(0, 200) : trace.scenario.pattern
      have.set(s.key, { id: nextId++, key: s.key, label, trace: fromRecord(trace), theory: theory ? fromRecord(theory) : null })
    }
  }
  const shown = entries.flatMap((e) => have.get(e.key) ?? [])
  // changes made in this tab while storage was read
  const pins = applyPinOps(shown, pending, (p) => p)
  if (!sameKeys(pins, pinStore.getState().pins)) pinStore.setState({ pins })
}

/** Reads the stored list again (another tab changed it). */
function refresh(): Promise<void> {
  return enqueue(async () => {
    const store = db
    if (store) await show(await get<unknown>(KEY, store), [])
  })
}

channel?.addEventListener('message', () => {
  refresh().catch(storingFailed)
})

/** The label of a run: its pattern and its scenario in a few words. */
export function labelOf(tr: Trace): string {
  const mod = REGISTRY.pattern(tr.scenario.pattern)
  return mod ? `${mod.title} · ${mod.summary(tr.scenario)}` : tr.scenario.pattern
}

/** A key no other pin in any tab has. */
function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/** Pins a run (the oldest goes when there are MAX_PINS already), named by its pattern (the compare view adds its scenario). Returns its id. */
export function pin(trace: Trace, theory: Trace | null, label = REGISTRY.pattern(trace.scenario.pattern)?.title ?? trace.scenario.pattern): number {
  const id = nextId++
  change({ kind: 'add', pin: { id, key: newKey(), label, trace, theory } })
  return id
}

export function unpin(id: number): void {
  const p = pinStore.getState().pins.find((q) => q.id === id)
  if (p) change({ kind: 'remove', key: p.key })
}

export function clearPins(): void {
  change({ kind: 'clear' })
}

/** Restores the pins of an earlier visit; a record that no longer opens is left out and reported. */
export async function loadPins(): Promise<string[]> {
  if (!db) return []
  const problems: string[] = []
  try {
    await enqueue(async () => {
      const store = db
      if (store) await show(await get<unknown>(KEY, store), problems)
    })
  } catch {
    problems.push('The pinned runs of an earlier visit could not be read.')
  }
  return problems
}
