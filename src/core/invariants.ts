import { JobStatus, Op, ResourceKind, State } from './events'
import type { Trace } from './trace'

/**
 * What every trace of a finished run must satisfy, whatever the pattern: returns the violations in
 * words (empty when all hold). Used on every virtual run in the unit tests and on real runs' traces.
 */
export function checkInvariants(tr: Trace): string[] {
  const out: string[] = []
  const say = (s: string) => out.length < 20 && out.push(s)
  // a channel never holds more than its capacity
  for (const r of tr.resources) {
    if (!r || r.kind !== ResourceKind.Chan) continue
    for (let i = 0; i < r.samples; i++) {
      if (r.value.data[i] > r.cap) say(`${r.name}: len ${r.value.data[i]} > cap ${r.cap} at ${r.t.data[i]}`)
      if (r.value.data[i] > 0 && r.waitB.data[i] > 0) say(`${r.name}: receivers parked while the buffer holds values at ${r.t.data[i]}`)
    }
  }
  // FIFO: values leave a buffer in the order they entered it; a direct handoff only with an empty buffer
  const queues = new Map<number, number[]>()
  const heads = new Map<number, number>()
  const seen = new Map<number, Set<number>>()
  for (let i = 0; i < tr.xT.length; i++) {
    const ch = tr.xChan.data[i]
    const item = tr.xItem.data[i]
    const op = tr.xOp.data[i]
    if (op === Op.Buffered) {
      if (!queues.has(ch)) queues.set(ch, [])
      queues.get(ch)?.push(item)
      continue
    }
    if (op === Op.Delivered) {
      const q = queues.get(ch) ?? []
      const h = heads.get(ch) ?? 0
      if (q[h] !== item) say(`${tr.resources[ch]?.name}: delivered item ${item} but ${q[h]} was first in the buffer`)
      heads.set(ch, h + 1)
    } else if (op === Op.Handoff) {
      const q = queues.get(ch) ?? []
      if ((heads.get(ch) ?? 0) < q.length) say(`${tr.resources[ch]?.name}: direct handoff of ${item} while the buffer held values`)
    }
    if (item >= 0) {
      if (!seen.has(ch)) seen.set(ch, new Set())
      const s = seen.get(ch) as Set<number>
      if (s.has(item)) say(`${tr.resources[ch]?.name}: item ${item} received twice`)
      s.add(item)
    }
  }
  // a thread computes one thing at a time; a goroutine is in one state at a time
  const byThread = new Map<number, [number, number][]>()
  const lastEnd = new Map<number, number>()
  for (let s = 0; s < tr.segments; s++) {
    const g = tr.sG.data[s]
    const t0 = tr.sT0.data[s]
    const t1 = tr.sT1.data[s]
    if (t1 < t0) say(`goroutine ${g}: a segment ends before it begins at ${t0}`)
    if ((lastEnd.get(g) ?? -Infinity) > t0 + 1e-9) say(`goroutine ${g}: overlapping states at ${t0}`)
    lastEnd.set(g, t1)
    if (tr.sState.data[s] !== State.Running) continue
    const k = tr.sAux.data[s]
    if (!byThread.has(k)) byThread.set(k, [])
    byThread.get(k)?.push([t0, t1])
  }
  for (const [k, slices] of byThread) {
    slices.sort((a, b) => a[0] - b[0])
    for (let i = 1; i < slices.length; i++) if (slices[i][0] < slices[i - 1][1] - 1e-9) say(`thread ${k}: two slices at once at ${slices[i][0]}`)
  }
  // every job that began has ended (the run is over), with a reason when it did not succeed
  for (let j = 0; j < tr.jobIds; j++) {
    if (isNaN(tr.jBegin.data[j])) continue
    if (isNaN(tr.jEnd.data[j]) || tr.jStatus.data[j] < 0) say(`job ${j}: began but never ended`)
    else if (tr.jEnd.data[j] < tr.jBegin.data[j]) say(`job ${j}: ends before it begins`)
    if ((tr.jStatus.data[j] === JobStatus.Dropped || tr.jStatus.data[j] === JobStatus.Failed) && tr.jReason.data[j] < 0) say(`job ${j}: failed without a reason`)
  }
  return out
}
