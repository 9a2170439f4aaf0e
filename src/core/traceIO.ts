import { EVENT_WIDTH, Op, putEvent } from './events'
import type { Scenario } from './scenario'
import { Trace, type TraceMeta, type TraceStatus } from './trace'

/**
 * A trace as a self-contained record (for pinned runs, files, and the copy a downloaded Chrome trace
 * carries so that it can be opened again): its scenario, meta, string table and an event stream
 * regenerated from its columns. Applying the stream to a new Trace rebuilds the same columns.
 */
export interface TraceRecord {
  format: 'go-concurrency-trace'
  version: 1
  scenario: Scenario
  meta: TraceMeta
  status: TraceStatus
  error: string
  strings: string[]
  /** wire events (see events.ts), EVENT_WIDTH numbers each */
  events: Float64Array
  retainMs: number
}

/** At equal times, events are replayed in this order (a goroutine is spawned before its states; its exit and the run's end come last). */
const PRIORITY: Record<number, number> = {
  [Op.Resource]: 0, [Op.Spawn]: 1, [Op.JobBegin]: 2, [Op.JobInfo]: 3, [Op.CpuPost]: 4, [Op.State]: 5, [Op.Sample]: 6,
  [Op.Buffered]: 7, [Op.Handoff]: 7, [Op.Delivered]: 7, [Op.Mark]: 8, [Op.JobEnd]: 9, [Op.Exit]: 10, [Op.RunEnd]: 11,
}

/** The event stream that rebuilds `tr` (in time order); string ids refer to `strings` (by default the trace's own). */
export function traceEvents(tr: Trace, strings: readonly string[] = tr.strings): Float64Array {
  // rows written flat, then ordered by (time, priority, written order) through an index sort
  let n = tr.segments + tr.goroutines * 2 + tr.jobIds * 4 + tr.xT.length + tr.mT.length + 1
  for (const r of tr.resources) if (r) n += r.samples + 1
  const rows = new Float64Array(n * EVENT_WIDTH)
  let k = 0
  const add = (op: number, t: number, a: number, b = -1, c = -1, d = -1) => putEvent(rows, k++ * EVENT_WIDTH, op, t, a, b, c, d)
  for (const r of tr.resources) {
    if (!r) continue
    add(Op.Resource, r.samples ? Math.min(r.t.data[0], 0) : 0, r.id, r.kind, strings.indexOf(r.name), r.cap)
    for (let i = 0; i < r.samples; i++) add(Op.Sample, r.t.data[i], r.id, r.value.data[i], r.waitA.data[i], r.waitB.data[i])
  }
  for (let g = 0; g < tr.goroutines; g++) add(Op.Spawn, tr.gSpawn.data[g], g, tr.nameField(g), tr.gGroup.data[g], tr.gParent.data[g])
  for (let s = 0; s < tr.segments; s++) {
    const j = tr.sJob.data[s]
    add(Op.State, tr.sT0.data[s], tr.sG.data[s], tr.sState.data[s], j >= 0 ? tr.jobId(j) : -1, tr.sAux.data[s])
  }
  for (let j = 0; j < tr.jobIds; j++) {
    const b = tr.jBegin.data[j]
    if (isNaN(b)) continue
    const id = tr.jobId(j)
    add(Op.JobBegin, b, id, tr.jG.data[j], tr.jCpu.data[j], tr.jIo.data[j])
    if (tr.jItem.data[j] >= 0 || tr.jLabel.data[j] >= 0 || tr.jGroup.data[j] >= 0) add(Op.JobInfo, b, id, tr.jItem.data[j], tr.jLabel.data[j], tr.jGroup.data[j])
    if (tr.jPost.data[j] !== b && !isNaN(tr.jPost.data[j])) add(Op.CpuPost, tr.jPost.data[j], id, -1)
    if (tr.jStatus.data[j] >= 0) add(Op.JobEnd, tr.jEnd.data[j], id, tr.jG.data[j], tr.jStatus.data[j], tr.jReason.data[j])
  }
  for (let i = 0; i < tr.xT.length; i++) {
    const op = tr.xOp.data[i]
    if (op === Op.Buffered) add(op, tr.xT.data[i], tr.xChan.data[i], tr.xFrom.data[i], tr.xItem.data[i])
    else add(op, tr.xT.data[i], tr.xChan.data[i], tr.xFrom.data[i], tr.xTo.data[i], tr.xItem.data[i])
  }
  for (let i = 0; i < tr.mT.length; i++) add(Op.Mark, tr.mT.data[i], tr.mKind.data[i], tr.mG.data[i], tr.mRes.data[i], tr.mValue.data[i])
  for (let g = 0; g < tr.goroutines; g++) {
    const t = tr.gExit.data[g]
    if (!isNaN(t)) add(Op.Exit, t, g, tr.gExitHow.data[g], tr.gReason.data[g])
  }
  if (tr.status !== 'running') {
    const status = tr.status === 'done' ? 0 : tr.status === 'stopped' ? 1 : 2
    add(Op.RunEnd, tr.endT, status, tr.error ? strings.indexOf(tr.error) : -1)
  }
  const order = new Uint32Array(k)
  for (let i = 0; i < k; i++) order[i] = i
  const t = (i: number) => rows[i * EVENT_WIDTH + 1]
  const prio = (i: number) => PRIORITY[rows[i * EVENT_WIDTH]]
  order.sort((x, y) => t(x) - t(y) || prio(x) - prio(y) || x - y)
  const out = new Float64Array(k * EVENT_WIDTH)
  for (let i = 0; i < k; i++) out.set(rows.subarray(order[i] * EVENT_WIDTH, order[i] * EVENT_WIDTH + EVENT_WIDTH), i * EVENT_WIDTH)
  return out
}

export function toRecord(tr: Trace): TraceRecord {
  const strings = [...tr.strings]
  // a failed run's message may never have been interned (a worker that died): add it
  if (tr.error && !strings.includes(tr.error)) strings.push(tr.error)
  return {
    format: 'go-concurrency-trace',
    version: 1,
    scenario: tr.scenario,
    meta: tr.meta,
    status: tr.status,
    error: tr.error,
    strings,
    events: traceEvents(tr, strings),
    retainMs: tr.retainMs,
  }
}

export function fromRecord(r: TraceRecord): Trace {
  const tr = new Trace(r.scenario, r.meta)
  tr.retainMs = r.retainMs
  tr.apply(r.events, r.strings.map((s, i) => [i, s] as [number, string]))
  if (tr.status === 'running' && r.status !== 'running') tr.finish(r.status, tr.lastT, r.error)
  if (r.error) tr.error = r.error
  return tr
}

/** Float64 array ⇄ base64, for JSON files. */
export function encodeFloat64(a: Float64Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

export function decodeFloat64(b64: string): Float64Array {
  const bin = atob(b64)
  if (bin.length % 8 !== 0) throw new Error('the event data is not a whole number of values')
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Float64Array(bytes.buffer)
}
