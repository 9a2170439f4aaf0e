import type { ListItem } from '../../core/params'

/** A stage as the program and the closed forms use it. */
export interface Stage {
  name: string
  workers: number
  /** scenario ms of work per item */
  ms: number
  /** capacity of the channel the stage writes to (0 = unbuffered) */
  buffer: number
  kind: 'io' | 'cpu'
  /** % of items this stage drops (an invalid record) */
  drop: number
}

export function stagesOf(items: readonly ListItem[]): Stage[] {
  const seen = new Map<string, number>()
  return items.map((it) => {
    const base = String(it.name)
    const k = (seen.get(base) ?? 0) + 1
    seen.set(base, k)
    return {
      name: k === 1 ? base : `${base} ${k}`,
      workers: Number(it.workers),
      ms: Number(it.ms),
      buffer: Number(it.buffer),
      kind: it.kind === 'cpu' ? 'cpu' : 'io',
      drop: Number(it.drop),
    }
  })
}

/** The channel stage `k` writes to. */
export function outputName(stages: readonly Stage[], k: number): string {
  return k === stages.length - 1 ? 'results' : `${stages[k].name}→${stages[k + 1].name}`
}

/**
 * Whether stage `stage` drops item `item`: a hash of the seed, the stage and the item against the
 * drop rate, so the decision is the same in every run of the scenario, whatever the timing.
 */
export function drops(seed: number, stage: number, item: number, pct: number): boolean {
  if (pct <= 0) return false
  let h = (seed ^ Math.imul(stage + 1, 0x9e3779b9) ^ Math.imul(item + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0
  h = (h ^ (h >>> 16)) >>> 0
  return h / 4294967296 < pct / 100
}

/** How many items each stage sees (given the drops before it), and how many it drops. */
export function itemsPerStage(stages: readonly Stage[], n: number, seed: number): { seen: number[]; dropped: number[] } {
  const seen = stages.map(() => 0)
  const dropped = stages.map(() => 0)
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < stages.length; k++) {
      seen[k]++
      if (drops(seed, k, i, stages[k].drop)) {
        dropped[k]++
        break
      }
    }
  }
  return { seen, dropped }
}

/**
 * Makespan of a pipeline of io stages with fixed costs when no channel ever fills (every buffer
 * holds all N items): item i leaves stage s at max(when it left s−1, when the worker it needs is
 * free, which is when item i−W_s left s) + c_s. A recurrence over items, independent of channels.
 */
export function unboundedMakespan(stages: readonly Stage[], n: number): number {
  let prev: number[] = Array.from({ length: n }, () => 0)
  for (const st of stages) {
    const cur: number[] = []
    for (let i = 0; i < n; i++) cur.push(Math.max(prev[i], i >= st.workers ? cur[i - st.workers] : 0) + st.ms)
    prev = cur
  }
  return n > 0 ? Math.max(...prev) : 0
}

/** No stage can finish its items faster than its own workers allow: max over stages of ⌈N/W⌉·c. */
export function bottleneckBound(stages: readonly Stage[], n: number): number {
  return Math.max(...stages.map((s) => Math.ceil(n / s.workers) * s.ms))
}

/** The stage with the lowest capacity (items per second = W / c). */
export function bottleneck(stages: readonly Stage[]): number {
  let best = 0
  for (let k = 1; k < stages.length; k++) if (stages[k].workers / stages[k].ms <= stages[best].workers / stages[best].ms) best = k
  return best
}
