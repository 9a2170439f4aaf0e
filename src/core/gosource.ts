import { BLOCKED_STATES, State } from './events'
import type { Trace } from './trace'

/**
 * A pattern's program as Go, for the code panel. A line that a goroutine can be "on" ends in a
 * tag `//@ who what [resource]`:
 * - who: a goroutine's name or group, as a glob where `*` matches any text (`main`, `producer`,
 *   `worker *`, `*closer`, `*`);
 * - what: `job` (doing its work: running, runnable, io), `send`, `recv`, `barrier` (wg.Wait),
 *   `select`, `sleep` or `acquire`;
 * - resource (optional): the channel or WaitGroup waited on, as a glob; for `job`, the job's group
 *   (else its label), so that a handler's `combine` step differs from the calls it makes.
 * The first tag that matches a goroutine's state wins. Tags are not shown.
 */
export interface GoLine {
  /** the line as shown (tag removed, trailing space trimmed) */
  text: string
  tag: { who: RegExp; what: string; resource: RegExp | null } | null
}

const TAG = /\s*\/\/@\s*(\S+)\s+(\S+)(?:\s+(\S+))?\s*$/

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
}

/** Splits Go text into lines with their tags. */
export function parseGo(text: string): GoLine[] {
  return text.replace(/^\n+|\n+$/g, '').split('\n').map((line) => {
    const m = TAG.exec(line)
    if (!m) return { text: line.replace(/\s+$/, ''), tag: null }
    return { text: line.slice(0, m.index).replace(/\s+$/, ''), tag: { who: glob(m[1]), what: m[2], resource: m[3] ? glob(m[3]) : null } }
  })
}

/** What a state means on a tagged line. */
export function whatOf(state: number): string | null {
  switch (state) {
    case State.Running:
    case State.Runnable:
    case State.Io:
    case State.Waking:
      return 'job'
    case State.BlockedSend:
      return 'send'
    case State.BlockedRecv:
      return 'recv'
    case State.Barrier:
      return 'barrier'
    case State.Select:
      return 'select'
    case State.Sleep:
      return 'sleep'
    case State.Acquire:
      return 'acquire'
    default:
      return null
  }
}

/** The line (index into `lines`) a goroutine in `state` waiting on `resource` is on; −1 if none says. */
export function lineFor(lines: readonly GoLine[], name: string, group: string, state: number, resource: string): number {
  const what = whatOf(state)
  if (!what) return -1
  return lines.findIndex((l) => l.tag !== null && l.tag.what === what && (l.tag.who.test(name) || (group !== '' && l.tag.who.test(group))) && (l.tag.resource === null || l.tag.resource.test(resource)))
}

/** The line of segment `s` of a trace (−1 for instants such as spawning, or untagged states). */
export function lineOfSegment(lines: readonly GoLine[], tr: Trace, s: number): number {
  const g = tr.sG.data[s]
  const state = tr.sState.data[s]
  const aux = tr.sAux.data[s]
  const job = tr.sJob.data[s]
  const resource = BLOCKED_STATES.has(state) && aux >= 0 ? (tr.resources[aux]?.name ?? '') : job >= 0 ? tr.text(tr.jGroup.data[job] >= 0 ? tr.jGroup.data[job] : tr.jLabel.data[job]) : ''
  return lineFor(lines, tr.goroutineName(g), tr.groupName(g), state, resource)
}
