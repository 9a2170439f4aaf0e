/** The scenario: plain, versioned, URL-serialisable data that fully determines a run. */

export const SCENARIO_VERSION = 1

export const PATTERNS = ['sequential', 'unbounded', 'batches', 'pool'] as const
export type PatternId = (typeof PATTERNS)[number]

export const VARIATIONS = ['none', 'uniform', 'straggler', 'everyk'] as const
export type Variation = (typeof VARIATIONS)[number]

export const KINDS = ['io', 'cpu', 'mixed'] as const
export type JobKind = (typeof KINDS)[number]

export interface Scenario {
  pattern: PatternId
  /** items (jobs) */
  n: number
  /** base job duration, scenario ms */
  d: number
  variation: Variation
  /** uniform variation: each job lasts d·U(1−jitter%, 1+jitter%) */
  jitter: number
  /** straggler variation: item 1 lasts this long, scenario ms */
  straggler: number
  /** every-k-th variation: items 1, k+1, 2k+1, … are slow */
  every: number
  /** every-k-th variation: duration of a slow item, scenario ms */
  slow: number
  kind: JobKind
  /** mixed jobs: share of the duration that is cpu (the rest is io), % */
  cpuShare: number
  /** worker-pool size P */
  pool: number
  /** batch size B */
  batch: number
  /** jobs channel buffer (0 = unbuffered) */
  buffer: number
  /** thread workers T; 0 = auto (navigator.hardwareConcurrency) */
  threads: number
  /** real ms per scenario ms: 0.1 runs a 2 s job in 200 ms while the axis still reads 2 s */
  timeScale: number
  /** PRNG seed for variation */
  seed: number
}

export type NumericKey = Exclude<keyof Scenario, 'pattern' | 'variation' | 'kind'>

export interface NumericSpec {
  key: NumericKey
  label: string
  unit: string
  min: number
  max: number
  integer: boolean
  /** sliders for wide ranges move on a log scale */
  log: boolean
}

export const NUMERIC: Record<NumericKey, NumericSpec> = {
  n: { key: 'n', label: 'Items N', unit: 'jobs', min: 1, max: 10_000, integer: true, log: true },
  d: { key: 'd', label: 'Duration d', unit: 'ms', min: 1, max: 5_000, integer: true, log: true },
  jitter: { key: 'jitter', label: 'Variation ±', unit: '%', min: 0, max: 100, integer: true, log: false },
  straggler: { key: 'straggler', label: 'Straggler (item 1)', unit: 'ms', min: 1, max: 60_000, integer: true, log: true },
  every: { key: 'every', label: 'Every k-th item', unit: 'k', min: 2, max: 1_000, integer: true, log: true },
  slow: { key: 'slow', label: 'Slow item', unit: 'ms', min: 1, max: 60_000, integer: true, log: true },
  cpuShare: { key: 'cpuShare', label: 'CPU share', unit: '%', min: 0, max: 100, integer: true, log: false },
  pool: { key: 'pool', label: 'Pool size P', unit: 'workers', min: 1, max: 256, integer: true, log: true },
  batch: { key: 'batch', label: 'Batch size B', unit: 'per batch', min: 1, max: 1_000, integer: true, log: true },
  buffer: { key: 'buffer', label: 'Buffer', unit: 'slots', min: 0, max: 1_000, integer: true, log: true },
  threads: { key: 'threads', label: 'Threads T', unit: 'workers', min: 0, max: 32, integer: true, log: false },
  timeScale: { key: 'timeScale', label: 'Time scale', unit: '×', min: 0.01, max: 10, integer: false, log: true },
  seed: { key: 'seed', label: 'Seed', unit: '', min: 0, max: 2 ** 32 - 1, integer: true, log: false },
}

export const ENUMS = { pattern: PATTERNS, variation: VARIATIONS, kind: KINDS } as const
export type EnumKey = keyof typeof ENUMS

export const DEFAULT_SCENARIO: Scenario = {
  pattern: 'pool',
  n: 100,
  d: 50,
  variation: 'none',
  jitter: 50,
  straggler: 500,
  every: 10,
  slow: 150,
  kind: 'io',
  cpuShare: 50,
  pool: 10,
  batch: 10,
  buffer: 10,
  threads: 0,
  timeScale: 1,
  seed: 1,
}

export const PATTERN_LABEL: Record<PatternId, string> = {
  sequential: 'Sequential',
  unbounded: 'Unbounded',
  batches: 'Batches',
  pool: 'Worker pool',
}

export const VARIATION_LABEL: Record<Variation, string> = {
  none: 'none',
  uniform: 'uniform ±x %',
  straggler: 'one straggler',
  everyk: 'every k-th slow',
}

export const KIND_LABEL: Record<JobKind, string> = { io: 'io (wait)', cpu: 'cpu (compute)', mixed: 'mixed (cpu, then io)' }

/** Threads actually used: T, or the machine's core count when T is auto (0). */
export function effectiveThreads(s: Scenario, hardwareConcurrency: number): number {
  return s.threads > 0 ? s.threads : Math.max(1, Math.min(NUMERIC.threads.max, hardwareConcurrency || 1))
}

export interface Checked<T> {
  value: T
  /** set when the input was not usable as given: says what was changed */
  notice?: string
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 4 })
}

/** Brings a number into its parameter's range (and to a whole number where required). */
export function checkNumber(key: NumericKey, raw: number, fallback: number): Checked<number> {
  const spec = NUMERIC[key]
  const range = `${fmt(spec.min)}–${fmt(spec.max)}${spec.unit && spec.unit !== '×' ? ' ' + spec.unit : ''}`
  if (!Number.isFinite(raw)) return { value: fallback, notice: `${spec.label}: not a number, kept ${fmt(fallback)} (range ${range})` }
  let v = spec.integer ? Math.round(raw) : raw
  if (v < spec.min) v = spec.min
  if (v > spec.max) v = spec.max
  if (v === raw) return { value: v }
  const why = raw < spec.min ? 'below the minimum' : raw > spec.max ? 'above the maximum' : 'not a whole number'
  return { value: v, notice: `${spec.label}: ${fmt(raw)} is ${why}, used ${fmt(v)} (range ${range})` }
}

export function isEnumValue<K extends EnumKey>(key: K, v: string): v is Scenario[K] {
  return (ENUMS[key] as readonly string[]).includes(v)
}
