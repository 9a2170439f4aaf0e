/** The scenario: plain, versioned, URL-serialisable data that fully determines a run. */
import { checkValue, defaults, type ParamSpec, type ParamValue, type ParamValues } from './params'
import { DEFAULT_SHARED, SHARED, type SharedValues } from './shared'

export const SCENARIO_VERSION = 2

export interface Scenario {
  /** a pattern id of the registry */
  pattern: string
  shared: SharedValues
  /** the pattern's own parameters, keyed by its specs */
  params: ParamValues
}

/** What the scenario layer needs to know of a pattern (the registry provides it). */
export interface PatternSchema {
  id: string
  title: string
  params: readonly ParamSpec[]
  /** cross-field checks (a task that depends on an unknown task, a cycle): fixed values and what was fixed */
  normalize?(values: ParamValues): { values: ParamValues; notices: string[] }
}

/** A named scenario from the talk. `expect` holds the talk's numbers it must reproduce (tests check the theory). */
export interface Preset {
  id: string
  title: string
  /** the one-line lesson shown with it */
  lesson: string
  pattern: string
  shared?: Partial<SharedValues>
  params?: Readonly<Record<string, ParamValue>>
  /**
   * Runs worth comparing with it: other patterns (the opener's four), or the same pattern with other
   * parameters (parallel against sequential). `label` names it; by default the pattern's id.
   */
  compare?: readonly PresetCompare[]
  /** the talk's numbers it must reproduce (scenario ms): `makespan`, and `makespan:<label>` for a compared run */
  expect?: Readonly<Record<string, number>>
  /** its place in the talk (SCENARIOS.md §11 rank; variants get decimals): the deck is sorted by it */
  rank?: number
  // what the talk says about it (its claims) is in its pattern's claims.ts, loaded when shown
}

/**
 * A statement of the talk, in our words. `value` is the number it states; `of` names what the
 * theory computes for it: `makespan`, `makespan:<label>` (a compared run), or `ratio:<a>/<b>`
 * (makespan of run a over run b, "x× faster"), in scenario ms. A claim with no model behind it
 * (memory per language) is `rhetorical`: shown as a claim, never as a measurement.
 */
export interface Claim {
  says: string
  value?: number
  of?: string
  /** ms (the default), × (a ratio of makespans) or % (time saved: `saving:a/b` is 1 − b / a) */
  unit?: 'ms' | '×' | '%'
  rhetorical?: boolean
  /** what is wrong with it, when there is more to say than the numbers */
  note?: string
}

export interface PresetCompare {
  pattern: string
  label?: string
  params?: Readonly<Record<string, ParamValue>>
}

/** The name of a compared run: its label, else its pattern. */
export function compareLabel(c: PresetCompare): string {
  return c.label ?? c.pattern
}

/** A compared run's complete scenario: the preset's workload with that pattern and parameters. */
export function compareScenario(catalog: Catalog, preset: Preset, c: PresetCompare): Scenario {
  const schema = catalog.pattern(c.pattern)
  if (!schema) throw new Error(`preset ${preset.id}: unknown pattern ${c.pattern}`)
  return { pattern: schema.id, shared: sharedFrom(preset.shared), params: paramsFrom(schema, c.params) }
}

/** The patterns and presets a link may name. */
export interface Catalog {
  readonly defaultPattern: string
  pattern(id: string): PatternSchema | undefined
  preset(id: string): Preset | undefined
}

export function defaultParams(schema: PatternSchema): ParamValues {
  return defaults(schema.params)
}

export function defaultScenario(catalog: Catalog): Scenario {
  const schema = catalog.pattern(catalog.defaultPattern) as PatternSchema
  return { pattern: schema.id, shared: { ...DEFAULT_SHARED }, params: defaultParams(schema) }
}

/**
 * A pattern's parameters from `partial` (a preset's, or remembered ones), each checked against its
 * spec; anything missing takes the default. Keys of `partial` are looked up by spec, never the
 * other way round, so a hostile key is never used to index anything.
 */
export function paramsFrom(schema: PatternSchema, partial: Readonly<Record<string, unknown>> | undefined, notices: string[] = []): ParamValues {
  const out: Record<string, ParamValue> = {}
  for (const spec of schema.params) {
    const has = partial !== undefined && Object.hasOwn(partial, spec.key)
    if (!has) {
      out[spec.key] = spec.default
      continue
    }
    const c = checkValue(spec, (partial as Record<string, unknown>)[spec.key], spec.default)
    out[spec.key] = c.value
    if (c.notice) notices.push(c.notice)
  }
  if (!schema.normalize) return out
  const n = schema.normalize(out)
  notices.push(...n.notices)
  return n.values
}

export function sharedFrom(partial: Readonly<Record<string, unknown>> | undefined, base: SharedValues = DEFAULT_SHARED, notices: string[] = []): SharedValues {
  const out: Record<string, ParamValue> = { ...base }
  for (const spec of SHARED) {
    if (partial === undefined || !Object.hasOwn(partial, spec.key)) continue
    const c = checkValue(spec, (partial as Record<string, unknown>)[spec.key], (base as unknown as Record<string, ParamValue>)[spec.key])
    out[spec.key] = c.value
    if (c.notice) notices.push(c.notice)
  }
  return out as unknown as SharedValues
}

/** The complete scenario a preset stands for. */
export function presetScenario(catalog: Catalog, preset: Preset): Scenario {
  const schema = catalog.pattern(preset.pattern)
  if (!schema) throw new Error(`preset ${preset.id}: unknown pattern ${preset.pattern}`)
  return { pattern: schema.id, shared: sharedFrom(preset.shared), params: paramsFrom(schema, preset.params) }
}
