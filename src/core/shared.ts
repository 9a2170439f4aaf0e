import { formatCount, formatMs } from './format'
import type { ChoiceSpec, NumberSpec, ParamSpec } from './params'

/** Workload and machine settings shared by every pattern (a pattern says which of them it uses). */
export interface SharedValues {
  /** items (jobs) */
  n: number
  /** base job duration, scenario ms */
  d: number
  variation: 'none' | 'uniform' | 'straggler' | 'everyk'
  /** uniform variation: each job lasts d·U(1−jitter%, 1+jitter%) */
  jitter: number
  /** straggler variation: item 1 lasts this long, scenario ms */
  straggler: number
  /** every-k-th variation: items 1, k+1, 2k+1, … are slow */
  every: number
  /** every-k-th variation: duration of a slow item, scenario ms */
  slow: number
  kind: 'io' | 'cpu' | 'mixed'
  /** mixed jobs: share of the duration that is cpu (the rest is io), % */
  cpuShare: number
  /** thread workers T; 0 = auto (the machine's core count) */
  threads: number
  /** real ms per scenario ms: 0.1 runs a 2 s job in 200 ms while the axis still reads 2 s */
  timeScale: number
  /** PRNG seed (variation, drops, select) */
  seed: number
}

export type SharedKey = keyof SharedValues

const num = (key: SharedKey, label: string, unit: string, min: number, max: number, def: number, integer: boolean, log: boolean, extra: Partial<NumberSpec> = {}): NumberSpec => ({
  type: 'number', key, label, unit, min, max, default: def, integer, log, ...extra,
})

export const VARIATION: ChoiceSpec = {
  type: 'choice',
  key: 'variation',
  label: 'Variation',
  default: 'none',
  options: [
    { value: 'none', label: 'none' },
    { value: 'uniform', label: 'uniform ±x %' },
    { value: 'straggler', label: 'one straggler' },
    { value: 'everyk', label: 'every k-th slow' },
  ],
}

export const KIND: ChoiceSpec = {
  type: 'choice',
  key: 'kind',
  label: 'Job kind',
  default: 'io',
  options: [
    { value: 'io', label: 'io (wait)' },
    { value: 'cpu', label: 'cpu (compute)' },
    { value: 'mixed', label: 'mixed (cpu, then io)' },
  ],
}

/** In link order. Keys are also the link's keys (the same as link version 1). */
export const SHARED: readonly ParamSpec[] = [
  num('n', 'Items N', 'jobs', 1, 10_000, 100, true, true),
  num('d', 'Duration d', 'ms', 1, 5_000, 50, true, true),
  VARIATION,
  num('jitter', 'Variation ±', '%', 0, 100, 50, true, false),
  num('straggler', 'Straggler (item 1)', 'ms', 1, 60_000, 500, true, true),
  num('every', 'Every k-th item', 'k', 2, 1_000, 10, true, true),
  num('slow', 'Slow item', 'ms', 1, 60_000, 150, true, true),
  KIND,
  num('cpuShare', 'CPU share', '%', 0, 100, 50, true, false),
  num('threads', 'Threads T', 'threads', 0, 32, 0, true, false, { special: { value: 0, label: 'auto', word: 'auto' } }),
  num('timeScale', 'Time scale', '×', 0.01, 10, 1, false, true),
  num('seed', 'Seed', '', 0, 2 ** 32 - 1, 1, true, false),
]

export const SHARED_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(SHARED.map((s) => [s.key, s]))

export const DEFAULT_SHARED: SharedValues = {
  n: 100,
  d: 50,
  variation: 'none',
  jitter: 50,
  straggler: 500,
  every: 10,
  slow: 150,
  kind: 'io',
  cpuShare: 50,
  threads: 0,
  timeScale: 1,
  seed: 1,
}

/** The settings that only matter for some values of others (shown and checked only then). */
export function sharedRelevant(key: SharedKey, s: SharedValues): boolean {
  if (key === 'jitter') return s.variation === 'uniform'
  if (key === 'straggler') return s.variation === 'straggler'
  if (key === 'every' || key === 'slow') return s.variation === 'everyk'
  if (key === 'cpuShare') return s.kind === 'mixed'
  return true
}

/** Threads actually used: T, or the machine's core count when T is auto (0). */
export function effectiveThreads(s: SharedValues, hardwareConcurrency: number): number {
  return s.threads > 0 ? s.threads : Math.max(1, Math.min(32, hardwareConcurrency || 1))
}

/**
 * The threads that can compute at the same moment: T, but never more than the machine's hardware
 * threads (threads beyond them take turns on the same cores and add no parallelism). The ideal
 * schedule of cpu work uses this many.
 */
export function parallelThreads(s: SharedValues, hardwareConcurrency: number): number {
  return Math.min(effectiveThreads(s, hardwareConcurrency), Math.max(1, hardwareConcurrency || 1))
}

/** The workload in a few words: "100 items × 50 ms io", "100 items × 50 ms, item 1 = 500 ms". */
export function workloadSummary(s: SharedValues): string {
  const items = `${formatCount(s.n)} item${s.n === 1 ? '' : 's'} × ${formatMs(s.d)}`
  const vary =
    s.variation === 'uniform' ? ` ±${s.jitter} %` : s.variation === 'straggler' ? `, item 1 = ${formatMs(s.straggler)}` : s.variation === 'everyk' ? `, every ${s.every}th = ${formatMs(s.slow)}` : ''
  return `${items}${vary}${kindSummary(s)}`
}

/** " cpu", " mixed 50 % cpu", or "" for io (the default). */
export function kindSummary(s: Pick<SharedValues, 'kind' | 'cpuShare'>): string {
  return s.kind === 'io' ? '' : s.kind === 'cpu' ? ' cpu' : ` mixed ${s.cpuShare} % cpu`
}
