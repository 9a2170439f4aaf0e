import { STATE_NAMES, State, BLOCKED_STATES } from '../core/events'
import { formatMs } from '../core/format'
import type { Trace } from '../core/trace'

function jobText(tr: Trace, job: number): string {
  const label = tr.jLabel.data[job]
  return label >= 0 ? `${tr.text(label)} (job #${job + 1})` : `job #${job + 1}`
}

/** The segment of goroutine `lane` at scenario time `t` up to the cursor (−1: none). */
export function segmentAt(tr: Trace, lane: number, t: number, cursor: number): number {
  const tReal = t * tr.timeScale
  if (tReal > cursor) return -1
  for (let s = 0; s < tr.segments; s++) {
    if (tr.sG.data[s] !== lane || tr.sState.data[s] === State.Active) continue
    const t1 = isNaN(tr.sT1.data[s]) ? cursor : Math.min(tr.sT1.data[s], cursor)
    if (tr.sT0.data[s] <= tReal && tReal < t1) return s
  }
  return -1
}

/**
 * What is under the pointer: the segment of goroutine `lane` at scenario time `t` (or, before any
 * run, the theory's job there), as lines of text. Null when there is nothing.
 */
export function describeAt(tr: Trace | null, theory: Trace | null, laneName: string, lane: number, t: number, cursor: number): string[] | null {
  if (!tr) {
    if (!theory) return null
    const scale = theory.timeScale
    for (let j = 0; j < theory.jobIds; j++) {
      if (theory.jG.data[j] !== lane) continue
      const b = theory.jBegin.data[j] / scale
      const e = theory.jEnd.data[j] / scale
      if (b <= t && t < e) return [`${laneName} · ${jobText(theory, j)} (theory)`, `${formatMs(b, 1)} → ${formatMs(e, 1)}`]
    }
    return null
  }
  const scale = tr.timeScale
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
    const group = tr.groupName(lane)
    const lines = [`${laneName}${group ? ` [${group}]` : ''}${job >= 0 ? ` · ${jobText(tr, job)}` : ''}`]
    let what = `${STATE_NAMES[state]} ${formatMs((t1 - t0) / scale, 2)}`
    const aux = tr.sAux.data[s]
    if (state === State.Running) what += ` on thread ${aux}`
    if (state === State.Waking) what += ` (thread ${aux} finished; the goroutine resumes)`
    if ((state === State.Io || state === State.Sleep) && aux >= 0) what += ` (planned ${formatMs(aux / scale, 1)})`
    if (BLOCKED_STATES.has(state) && aux >= 0 && tr.resources[aux]) what += ` on ${tr.resources[aux].name}`
    lines.push(what, `${formatMs(t0 / scale, 1)} → ${formatMs(t1 / scale, 1)}${isNaN(t1raw) ? ' (so far)' : ''}`)
    return lines
  }
  return null
}
