import { JOB_STATUS_NAMES, Op, RESOURCE_KIND_NAMES, ResourceKind, STATE_NAMES, State } from './events'
import type { Metrics } from './metrics'
import type { Trace } from './trace'
import { encodeFloat64, toRecord, type TraceRecord } from './traceIO'

/** A trace record as JSON carries it: the events as base64 of their Float64 bytes. */
export type RecordJson = Omit<TraceRecord, 'events'> & { events: string }

export function recordJson(tr: Trace): RecordJson {
  const r = toRecord(tr)
  return { ...r, events: encodeFloat64(r.events) }
}

/** Chrome Trace Event Format (JSON object form): opens in Perfetto and chrome://tracing. */
export interface ChromeTrace {
  traceEvents: Record<string, unknown>[]
  displayTimeUnit: 'ms'
  metadata: Record<string, unknown>
}

const PID_GOROUTINES = 1
const PID_THREADS = 2
const PID_RESOURCES = 3
/** Flow arrows beyond this many are left out (the slices and counters are all there). */
export const MAX_FLOWS = 20_000

/**
 * One track per goroutine (pid 1, tid = goroutine id) holding one slice per job with its state
 * slices nested inside; one track per thread (pid 2) with the cpu work it ran, as that thread timed
 * it; counter tracks per channel (len, parked senders, parked receivers) and per WaitGroup,
 * semaphore and counter (pid 3); flow arrows for values passed on channels (a direct handoff, or
 * from the send into the buffer to the receive); instants for marks. Timestamps are µs since the
 * run's origin, real time as measured.
 */
export function toChromeTrace(tr: Trace, m: Metrics, label: string, theory: Trace | null = null): ChromeTrace {
  const theoryMakespan = theory && theory.status === 'done' ? theory.endT / theory.timeScale : m.theory
  const us = (ms: number) => Math.round(ms * 1000 * 1000) / 1000
  const ev: Record<string, unknown>[] = [
    { ph: 'M', pid: PID_GOROUTINES, name: 'process_name', args: { name: 'goroutines' } },
    { ph: 'M', pid: PID_THREADS, name: 'process_name', args: { name: `threads (T=${tr.meta.threads})` } },
    { ph: 'M', pid: PID_RESOURCES, name: 'process_name', args: { name: 'channels and sync' } },
  ]
  for (let g = 0; g < tr.goroutines; g++) {
    const group = tr.groupName(g)
    ev.push({ ph: 'M', pid: PID_GOROUTINES, tid: g, name: 'thread_name', args: { name: `g${g} ${tr.goroutineName(g)}${group ? ` [${group}]` : ''}` } })
    ev.push({ ph: 'M', pid: PID_GOROUTINES, tid: g, name: 'thread_sort_index', args: { sort_index: g } })
    const exit = tr.gExit.data[g]
    if (!isNaN(exit)) {
      const how = ['returned', 'cancelled', 'panicked'][tr.gExitHow.data[g]] ?? 'ended'
      ev.push({ ph: 'i', s: 't', name: `exit (${how})`, pid: PID_GOROUTINES, tid: g, ts: us(exit), args: tr.gReason.data[g] >= 0 ? { reason: tr.text(tr.gReason.data[g]) } : {} })
    }
  }
  for (let k = 0; k < tr.meta.threads; k++) {
    ev.push({ ph: 'M', pid: PID_THREADS, tid: k, name: 'thread_name', args: { name: `thread ${k}` } })
  }
  for (let j = 0; j < tr.jobIds; j++) {
    if (isNaN(tr.jBegin.data[j])) continue
    const status = JOB_STATUS_NAMES[tr.jStatus.data[j]] ?? 'unfinished'
    const args: Record<string, unknown> = { job: j, cpuMs: tr.jCpu.data[j], ioMs: tr.jIo.data[j], status }
    if (tr.jItem.data[j] >= 0) args.item = tr.jItem.data[j]
    if (tr.jReason.data[j] >= 0) args.reason = tr.text(tr.jReason.data[j])
    ev.push({
      ph: 'X', cat: 'job', name: jobName(tr, j), pid: PID_GOROUTINES, tid: tr.jG.data[j],
      ts: us(tr.jBegin.data[j]), dur: us(tr.jEnd.data[j]) - us(tr.jBegin.data[j]), args,
    })
  }
  for (let s = 0; s < tr.segments; s++) {
    const state = tr.sState.data[s]
    if (state === State.Active) continue
    const t0 = tr.sT0.data[s]
    const t1 = tr.sT1.data[s]
    const job = tr.sJob.data[s]
    // dur from the rounded ends, so that back-to-back slices touch and never overlap
    const base = { pid: PID_GOROUTINES, tid: tr.sG.data[s], ts: us(t0), dur: us(t1) - us(t0) }
    ev.push({ ph: 'X', cat: 'state', name: STATE_NAMES[state], ...base, args: job >= 0 ? { job } : {} })
    if (state === State.Running) {
      ev.push({ ph: 'X', cat: 'cpu', name: jobName(tr, job), pid: PID_THREADS, tid: tr.sAux.data[s], ts: us(t0), dur: us(t1) - us(t0), args: { goroutine: tr.sG.data[s] } })
    }
  }
  for (const r of tr.resources) {
    if (!r) continue
    const kind = RESOURCE_KIND_NAMES[r.kind] ?? 'resource'
    for (let i = 0; i < r.samples; i++) {
      const args: Record<string, number> =
        r.kind === ResourceKind.Chan
          ? { len: r.value.data[i], 'parked senders': r.waitA.data[i], 'parked receivers': r.waitB.data[i] }
          : { [r.kind === ResourceKind.Semaphore ? 'in use' : 'value']: r.value.data[i], waiting: r.waitA.data[i] }
      ev.push({ ph: 'C', name: `${kind} ${r.name}`, pid: PID_RESOURCES, ts: us(r.t.data[i]), args })
    }
  }
  flows(tr, ev, us)
  for (let i = 0; i < tr.mT.length; i++) {
    const g = tr.mG.data[i]
    const res = tr.resources[tr.mRes.data[i]]
    ev.push({
      ph: 'i', s: g >= 0 ? 't' : 'g', name: `${tr.text(tr.mKind.data[i])}${res ? ` ${res.name}` : ''}`,
      pid: PID_GOROUTINES, tid: g >= 0 ? g : 0, ts: us(tr.mT.data[i]),
    })
  }
  return {
    traceEvents: ev,
    displayTimeUnit: 'ms',
    metadata: {
      'product': 'Go Concurrency at Scale: live patterns',
      'label': label,
      'scenario': tr.scenario,
      'status': tr.status,
      'error': tr.error || undefined,
      'measuredMakespanMs': m.makespan,
      'theoryMakespanMs': theoryMakespan,
      'ratio': m.ratio,
      'timeScale': `timestamps are real ms; scenario ms = real / ${tr.timeScale}`,
      'threads': tr.meta.threads,
      'hardwareConcurrency': tr.meta.hardwareConcurrency,
      'crossOriginIsolated': tr.meta.crossOriginIsolated,
      'cpuItersPerMs': tr.meta.itersPerMs,
      'startedAt': new Date(tr.meta.startedAt).toISOString(),
      // the run itself, so that this file opens again in the app (Open trace) exactly as it was
      'goConcurrency': { trace: recordJson(tr), theory: theory ? recordJson(theory) : null },
      'channels': Object.fromEntries(tr.resources.filter((r) => r && r.kind === ResourceKind.Chan).map((r) => [r.name, r.cap])),
    },
  }
}

function jobName(tr: Trace, j: number): string {
  const label = tr.jLabel.data[j]
  return label >= 0 ? tr.text(label) : `job ${j + 1}`
}

/** Flow arrows: a direct handoff at one instant; a buffered value from its send to its receive (FIFO per channel). */
function flows(tr: Trace, ev: Record<string, unknown>[], us: (ms: number) => number): void {
  const pending = new Map<number, { t: number; from: number }[]>()
  const heads = new Map<number, number>()
  let id = 0
  for (let i = 0; i < tr.xT.length && id < MAX_FLOWS; i++) {
    const op = tr.xOp.data[i]
    const ch = tr.xChan.data[i]
    const t = tr.xT.data[i]
    if (op === Op.Buffered) {
      let q = pending.get(ch)
      if (!q) pending.set(ch, (q = []))
      q.push({ t, from: tr.xFrom.data[i] })
      continue
    }
    let start = { t, from: tr.xFrom.data[i] }
    if (op === Op.Delivered) {
      const q = pending.get(ch)
      const h = heads.get(ch) ?? 0
      if (q && h < q.length) {
        start = q[h]
        heads.set(ch, h + 1)
      }
    }
    const to = tr.xTo.data[i]
    if (start.from < 0 || to < 0) continue
    const name = `${op === Op.Handoff ? 'handoff' : 'via buffer'} ${tr.resources[ch]?.name ?? ''}`.trim()
    id++
    ev.push({ ph: 's', id, cat: 'flow', name, pid: PID_GOROUTINES, tid: start.from, ts: us(start.t) })
    ev.push({ ph: 'f', bp: 'e', id, cat: 'flow', name, pid: PID_GOROUTINES, tid: to, ts: us(t) })
  }
}
