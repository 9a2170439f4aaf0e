import { EVENT_WIDTH, Op, nameNumber, nameStem } from './events'
import { shown } from './params'
import { paramsFrom, sharedFrom, type Catalog, type Scenario } from './scenario'
import type { TraceMeta, TraceStatus } from './trace'
import { decodeFloat64, type TraceRecord } from './traceIO'

/**
 * Reading a trace that comes from outside (a file someone dropped on the page, a pin stored by an
 * earlier version): nothing in it is trusted. Limits keep a hostile file from exhausting memory;
 * every event that names an id out of range or carries a time that is not finite is dropped.
 */
export const LIMITS = {
  bytes: 200 * 2 ** 20,
  events: 2_000_000,
  strings: 200_000,
  stringLength: 300,
  goroutines: 200_000,
  jobs: 4_000_000,
  resources: 20_000,
} as const

/** Drops events a trace must not apply; returns the rest and how many went. */
export function sanitizeEvents(ev: Float64Array, strings: number): { events: Float64Array; dropped: number } {
  const out = new Float64Array(ev.length - (ev.length % EVENT_WIDTH))
  let w = 0
  let dropped = 0
  const id = (x: number, max: number) => Number.isInteger(x) && x >= 0 && x < max
  const optional = (x: number, max: number) => x === -1 || id(x, max)
  // a goroutine's events need its spawn first (the views index their lanes by the goroutines spawned)
  const spawned = new Uint8Array(LIMITS.goroutines)
  const alive = (g: number) => id(g, LIMITS.goroutines) && spawned[g] === 1
  const amount = (x: number) => Number.isFinite(x) && x >= 0
  // a goroutine's name: a string id, or a stem's id with a number of up to 9 digits (NAME_NUMBER)
  const nameOk = (x: number, max: number) => x === -1 || (id(x, Infinity) && id(nameStem(x), max) && nameNumber(x) < 1e9)
  for (let i = 0; i + EVENT_WIDTH <= ev.length; i += EVENT_WIDTH) {
    const [op, t, a, b, c, d] = ev.subarray(i, i + EVENT_WIDTH)
    // times are ms since the run's origin
    let ok = Number.isFinite(t) && t >= 0 && t < 1e12
    switch (op) {
      case Op.Spawn:
        ok &&= id(a, LIMITS.goroutines) && spawned[a] === 0 && nameOk(b, strings) && optional(c, strings)
        if (ok) spawned[a] = 1
        break
      case Op.State:
        ok &&= alive(a) && id(b, 32) && (c === -1 || id(c, LIMITS.jobs))
        break
      case Op.Exit:
        ok &&= alive(a) && id(b, 8) && optional(c, strings)
        break
      case Op.JobBegin:
        // b = goroutine, c = cpu ms, d = io ms
        ok &&= id(a, LIMITS.jobs) && alive(b) && amount(c) && amount(d)
        break
      case Op.CpuPost:
        // b = thread (−1: not recorded)
        ok &&= id(a, LIMITS.jobs) && (b === -1 || id(b, 1024))
        break
      case Op.JobInfo:
        ok &&= id(a, LIMITS.jobs) && optional(c, strings) && optional(d, strings)
        break
      case Op.JobEnd:
        ok &&= id(a, LIMITS.jobs) && id(c, 8) && optional(d, strings)
        break
      case Op.Resource:
        ok &&= id(a, LIMITS.resources) && id(b, 8) && optional(c, strings) && (d === -1 || id(d, 1e9))
        break
      case Op.Sample:
        // a value and two counts of parked goroutines
        ok &&= id(a, LIMITS.resources) && Number.isFinite(b) && Math.abs(b) < 1e12 && id(c, 1e9) && id(d, 1e9)
        break
      case Op.Buffered:
      case Op.Handoff:
      case Op.Delivered:
        // goroutines (−1: none) and an item
        ok &&= id(a, LIMITS.resources) && (b === -1 || alive(b)) && (op === Op.Buffered ? Number.isFinite(c) : c === -1 || alive(c)) && Number.isFinite(d)
        break
      case Op.Mark:
        ok &&= optional(a, strings)
        break
      case Op.RunEnd:
        ok &&= id(a, 3) && optional(b, strings)
        break
      default:
        ok = false
    }
    if (!ok) {
      dropped++
      continue
    }
    out.set(ev.subarray(i, i + EVENT_WIDTH), w)
    w += EVENT_WIDTH
  }
  return { events: out.slice(0, w), dropped }
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

/** A scenario from a file, checked against the schemas (unknown pattern: not usable). */
export function scenarioFrom(v: unknown, catalog: Catalog, notices: string[]): Scenario | null {
  const o = asObject(v)
  const pattern = o && typeof o.pattern === 'string' ? o.pattern : ''
  const schema = catalog.pattern(pattern)
  if (!o || !schema) {
    notices.push(`The trace names a pattern this version does not know ("${shown(pattern)}").`)
    return null
  }
  return { pattern: schema.id, shared: sharedFrom(asObject(o.shared) ?? undefined, undefined, notices), params: paramsFrom(schema, asObject(o.params) ?? undefined, notices) }
}

/** A stored or transported trace record, checked; null when it cannot be used, with the reason in `notices`. */
export function recordFrom(v: unknown, catalog: Catalog, notices: string[]): TraceRecord | null {
  const o = asObject(v)
  if (!o || o.format !== 'go-concurrency-trace' || o.version !== 1) {
    notices.push('The file does not hold a trace this app wrote.')
    return null
  }
  const scenario = scenarioFrom(o.scenario, catalog, notices)
  if (!scenario) return null
  const rawStrings = Array.isArray(o.strings) ? o.strings.slice(0, LIMITS.strings) : []
  const strings = rawStrings.map((s) => (typeof s === 'string' ? s.slice(0, LIMITS.stringLength) : ''))
  let events: Float64Array
  try {
    events = o.events instanceof Float64Array ? o.events : typeof o.events === 'string' ? decodeFloat64(o.events) : new Float64Array(0)
  } catch {
    notices.push('The trace’s events could not be decoded.')
    return null
  }
  if (events.length > LIMITS.events * EVENT_WIDTH) {
    notices.push(`The trace has more than ${LIMITS.events.toLocaleString('en-US')} events; only the first are read.`)
    events = events.subarray(0, LIMITS.events * EVENT_WIDTH)
  }
  const clean = sanitizeEvents(events, strings.length)
  if (clean.dropped > 0) notices.push(`${clean.dropped.toLocaleString('en-US')} events of the trace were not valid and were left out.`)
  const m = asObject(o.meta) ?? {}
  const meta: TraceMeta = {
    threads: Math.max(1, Math.min(64, Math.round(num(m.threads, 1)))),
    hardwareConcurrency: Math.max(1, Math.min(1024, Math.round(num(m.hardwareConcurrency, 1)))),
    crossOriginIsolated: m.crossOriginIsolated === true,
    itersPerMs: Math.max(0, num(m.itersPerMs, 0)),
    // a date the page can write (8.64e15 ms is the last one JavaScript has)
    startedAt: Math.min(Math.max(num(m.startedAt, 0), 0), 8.64e15),
    source: m.source === 'theory' ? 'theory' : 'measured',
  }
  const status: TraceStatus = o.status === 'done' || o.status === 'stopped' || o.status === 'failed' ? o.status : 'stopped'
  const error = typeof o.error === 'string' ? o.error.slice(0, 1000) : ''
  return { format: 'go-concurrency-trace', version: 1, scenario, meta, status, error, strings, events: clean.events, retainMs: Math.max(0, num(o.retainMs, 0)) }
}

/** What a dropped file gives: the run, its ideal schedule, and what had to be changed or left out. */
export interface OpenedTrace {
  trace: TraceRecord
  theory: TraceRecord | null
  notices: string[]
}

/**
 * Reads a file the app wrote (Download trace: Chrome Trace JSON whose metadata holds the run), or
 * a bare record. Returns the reason in words when it cannot be used.
 */
export function readTraceFile(text: string, catalog: Catalog): OpenedTrace | { error: string } {
  if (text.length > LIMITS.bytes) return { error: `The file is larger than ${LIMITS.bytes / 2 ** 20} MB.` }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { error: 'The file is not JSON: open a trace saved with Download trace.' }
  }
  const o = asObject(json)
  const meta = o ? asObject(o.metadata) : null
  const holder = meta ? asObject(meta.goConcurrency) : o && o.format === 'go-concurrency-trace' ? { trace: o, theory: null } : null
  if (!holder) return { error: o && Array.isArray(o.traceEvents) ? 'This Chrome trace was not written by this app (its metadata holds no run to replay).' : 'The file holds no trace this app can open.' }
  const notices: string[] = []
  const trace = recordFrom(holder.trace, catalog, notices)
  if (!trace) return { error: notices.join(' ') || 'The trace could not be read.' }
  const theoryNotices: string[] = []
  const theory = holder.theory ? recordFrom(holder.theory, catalog, theoryNotices) : null
  if (holder.theory && !theory) notices.push('Its ideal schedule could not be read; it will be computed again.')
  return { trace, theory, notices: notices.slice(0, 6) }
}
