import { nameWithSuffix, type ListItem } from '../../core/params'
import { TASK_NAME } from '../tasks'

/** A call of the graph with its phase and the calls it needs first. */
export interface Node {
  name: string
  ms: number
  phase: number
  after: string[]
}

export function nodesOf(items: readonly ListItem[]): Node[] {
  return items.map((it) => ({
    name: String(it.name),
    ms: Number(it.ms),
    phase: Number(it.phase),
    after: String(it.after ?? '').split('/').filter((n) => n !== ''),
  }))
}

/**
 * Makes a graph usable: duplicate names get a number, dependencies on unknown calls or on
 * themselves are dropped, and a dependency that would close a cycle is dropped. Says what changed.
 */
export function repair(items: readonly ListItem[]): { items: ListItem[]; notices: string[] } {
  const notices: string[] = []
  const nodes = nodesOf(items)
  // a copy gets the first free "name k" that is a clean name itself (within the name's length) and
  // no other call's name, so the repaired list reads back as it is
  const taken = new Set(nodes.map((n) => n.name))
  const seen = new Set<string>()
  for (const n of nodes) {
    if (!seen.has(n.name)) {
      seen.add(n.name)
      continue
    }
    let copy = n.name
    for (let k = 2; taken.has(copy); k++) copy = nameWithSuffix(TASK_NAME, n.name, ` ${k}`)
    notices.push(`Calls: "${n.name}" appears more than once; the copy is named "${copy}"`)
    taken.add(copy)
    seen.add(copy)
    n.name = copy
  }
  const names = new Set(nodes.map((n) => n.name))
  for (const n of nodes) {
    const keep = n.after.filter((d) => names.has(d) && d !== n.name)
    const dropped = n.after.filter((d) => !keep.includes(d))
    if (dropped.length) notices.push(`Calls: "${n.name}" cannot wait for ${dropped.map((d) => `"${d}"`).join(', ')} (${dropped.includes(n.name) ? 'itself' : 'no such call'}); dropped`)
    n.after = [...new Set(keep)]
  }
  // drop the dependencies that close a cycle, in list order
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const reaches = (from: string, to: string, seenNodes = new Set<string>()): boolean => {
    if (from === to) return true
    if (seenNodes.has(from)) return false
    seenNodes.add(from)
    return (byName.get(from)?.after ?? []).some((d) => reaches(d, to, seenNodes))
  }
  for (const n of nodes) {
    // n.after is replaced (not mutated) below, so this walks the original list
    for (const d of n.after) {
      n.after = n.after.filter((x) => x !== d)
      if (reaches(d, n.name)) notices.push(`Calls: "${n.name}" waiting for "${d}" would be a cycle; dropped`)
      else n.after.push(d)
    }
  }
  const out = nodes.map((n, i) => ({ ...items[i], name: n.name, after: n.after.join('/') }))
  return { items: out, notices }
}

/** When each call can finish at the earliest (io, unlimited goroutines): its own time after the latest of its inputs. */
export function earliestFinish(nodes: readonly Node[]): Map<string, number> {
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const memo = new Map<string, number>()
  const finish = (name: string): number => {
    const hit = memo.get(name)
    if (hit !== undefined) return hit
    const n = byName.get(name)
    if (!n) return 0
    const start = Math.max(0, ...n.after.map(finish))
    memo.set(name, start + n.ms)
    return start + n.ms
  }
  for (const n of nodes) finish(n.name)
  return memo
}

/** The calls on a longest path through the graph (the critical path). */
export function criticalPath(nodes: readonly Node[]): string[] {
  const fin = earliestFinish(nodes)
  const byName = new Map(nodes.map((n) => [n.name, n]))
  let cur = [...fin.entries()].reduce((a, b) => (b[1] > a[1] ? b : a), ['', -1])[0]
  const path: string[] = []
  while (cur) {
    path.push(cur)
    const n = byName.get(cur)
    if (!n || n.after.length === 0) break
    cur = n.after.reduce((a, b) => ((fin.get(b) ?? 0) > (fin.get(a) ?? 0) ? b : a))
  }
  return path
}

/** Phases in order, each with its calls. */
export function phasesOf(nodes: readonly Node[]): Node[][] {
  const nums = [...new Set(nodes.map((n) => n.phase))].toSorted((a, b) => a - b)
  return nums.map((p) => nodes.filter((n) => n.phase === p))
}
