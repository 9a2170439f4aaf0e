import { ROLE_NAMES, STATE_NAMES, State } from './events'
import type { Metrics } from './metrics'
import type { Trace } from './trace'

/** Chrome Trace Event Format (JSON object form): opens in Perfetto and chrome://tracing. */
export interface ChromeTrace {
  traceEvents: Record<string, unknown>[]
  displayTimeUnit: 'ms'
  metadata: Record<string, unknown>
}

const PID_GOROUTINES = 1
const PID_THREADS = 2

/**
 * One track per goroutine (pid 1, tid = goroutine id) holding one "job" slice per job with its
 * state slices nested inside, and one track per thread (pid 2, tid = thread) with the cpu work it ran.
 * Timestamps are µs since the run's origin (real time, as measured).
 */
export function toChromeTrace(tr: Trace, m: Metrics, label: string): ChromeTrace {
  const us = (ms: number) => Math.round(ms * 1000 * 1000) / 1000
  const ev: Record<string, unknown>[] = [
    { ph: 'M', pid: PID_GOROUTINES, name: 'process_name', args: { name: 'goroutines' } },
    { ph: 'M', pid: PID_THREADS, name: 'process_name', args: { name: `threads (T=${tr.meta.threads})` } },
  ]
  for (let g = 0; g < tr.goroutines; g++) {
    const role = ROLE_NAMES[tr.gRole.data[g]] ?? 'goroutine'
    const name = role === 'main' || role === 'producer' ? role : `${role} ${tr.gIndex.data[g] + 1}`
    ev.push({ ph: 'M', pid: PID_GOROUTINES, tid: g, name: 'thread_name', args: { name: `g${g} ${name}` } })
    ev.push({ ph: 'M', pid: PID_GOROUTINES, tid: g, name: 'thread_sort_index', args: { sort_index: g } })
  }
  for (let k = 0; k < tr.meta.threads; k++) {
    ev.push({ ph: 'M', pid: PID_THREADS, tid: k, name: 'thread_name', args: { name: `thread ${k}` } })
  }
  for (let j = 0; j < tr.jobs.length; j++) {
    if (isNaN(tr.jBegin[j])) continue
    const job = tr.jobs[j]
    ev.push({
      ph: 'X', cat: 'job', name: `job ${j + 1}`, pid: PID_GOROUTINES, tid: tr.jG[j],
      ts: us(tr.jBegin[j]), dur: us(tr.jEnd[j] - tr.jBegin[j]),
      args: { job: j + 1, cpuMs: job.cpu, ioMs: job.io, status: tr.jStatus[j] === 0 ? 'done' : 'cancelled' },
    })
  }
  for (let s = 0; s < tr.segments; s++) {
    const state = tr.sState.data[s]
    if (state === State.Active) continue
    const t0 = tr.sT0.data[s]
    const t1 = tr.sT1.data[s]
    const job = tr.sJob.data[s]
    const base = { pid: PID_GOROUTINES, tid: tr.sG.data[s], ts: us(t0), dur: us(t1 - t0) }
    ev.push({ ph: 'X', cat: 'state', name: STATE_NAMES[state], ...base, args: job >= 0 ? { job: job + 1 } : {} })
    if (state === State.Running) {
      ev.push({ ph: 'X', cat: 'cpu', name: `job ${job + 1}`, pid: PID_THREADS, tid: tr.sAux.data[s], ts: us(t0), dur: us(t1 - t0), args: { goroutine: tr.sG.data[s] } })
    }
  }
  for (let i = 0; i < tr.chanT.length; i++) {
    ev.push({ ph: 'C', name: 'len(jobs)', pid: PID_GOROUTINES, ts: us(tr.chanT.data[i]), args: { len: tr.chanLen.data[i] } })
  }
  tr.barriers.forEach((t, i) => ev.push({ ph: 'i', s: 'g', name: `barrier ${i + 1} (wg.Wait)`, pid: PID_GOROUTINES, tid: 0, ts: us(t) }))
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
      'theoryMakespanMs': tr.theory.makespan,
      'ratio': m.ratio,
      'timeScale': `timestamps are real ms; scenario ms = real / ${tr.scenario.timeScale}`,
      'threads': tr.meta.threads,
      'hardwareConcurrency': tr.meta.hardwareConcurrency,
      'crossOriginIsolated': tr.meta.crossOriginIsolated,
      'cpuItersPerMs': tr.meta.itersPerMs,
      'startedAt': new Date(tr.meta.startedAt).toISOString(),
    },
  }
}
