import { STATE_NAMES, State } from '../core/events'
import type { Theory } from '../core/theory'
import type { Trace } from '../core/trace'
import { formatMs } from './format'

/**
 * What is under the pointer: the segment of goroutine `lane` at scenario time `t` (or, before any
 * run, the theory's job there), as lines of text. Null when there is nothing.
 */
export function describeAt(tr: Trace | null, theory: Theory, laneName: string, lane: number, t: number, cursor: number): string[] | null {
  if (!tr) {
    const j = theory.jobs.findIndex((job) => job.lane === lane && job.begin <= t && t < job.end)
    if (j < 0) return null
    const job = theory.jobs[j]
    return [`${laneName} · job #${j + 1} (theory)`, `${formatMs(job.begin, 1)} → ${formatMs(job.end, 1)}`]
  }
  const scale = tr.scenario.timeScale
  const tReal = t * scale
  if (tReal > cursor) return null
  for (let s = 0; s < tr.segments; s++) {
    if (tr.sG.data[s] !== lane) continue
    const state = tr.sState.data[s]
    const t0 = tr.sT0.data[s]
    const t1raw = tr.sT1.data[s]
    const t1 = isNaN(t1raw) ? cursor : Math.min(t1raw, cursor)
    if (state === State.Active || tReal < t0 || tReal >= t1) continue
    const job = tr.sJob.data[s]
    const lines = [`${laneName}${job >= 0 ? ` · job #${job + 1}` : ''}`]
    let what = `${STATE_NAMES[state]} ${formatMs((t1 - t0) / scale, 2)}`
    if (state === State.Running) what += ` on thread ${tr.sAux.data[s]}`
    if (state === State.Io) what += ` (planned ${formatMs(tr.sAux.data[s] / scale, 1)})`
    lines.push(what, `${formatMs(t0 / scale, 1)} → ${formatMs(t1 / scale, 1)}${isNaN(t1raw) ? ' (so far)' : ''}`)
    return lines
  }
  return null
}
