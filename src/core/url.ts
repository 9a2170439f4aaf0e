import { cut, fmtNumber, formatValue, parseValue, sameValue, shown, type ParamValue, type ParamValues } from './params'
import { SCENARIO_VERSION, defaultScenario, paramsFrom, presetScenario, type Catalog, type Scenario } from './scenario'
import { SHARED, type SharedValues } from './shared'

/**
 * Links. Version 2 (written): `?v=2&p=<pattern>&<setting>=<value>…` with only the settings that
 * differ from the pattern's defaults, or `?v=2&preset=<id>&…` with only what differs from the preset.
 * Shared settings keep their version-1 keys (n, d, kind, threads, …); a pattern's own use its spec keys.
 * Version 1 (read): `?v=1&pattern=pool&n=…&pool=…&batch=…&buffer=…`, every key optional; a v1
 * key of a pattern's own parameter is found through the module's `v1Keys`.
 */

/** A pattern schema as the codec needs it: the keys its version-1 links used for its parameters. */
export interface LinkSchemaExtra {
  v1Keys?: readonly string[]
}

export interface LinkCatalog extends Catalog {
  /** patterns that had version-1 keys, with those keys */
  v1Homes(): readonly { pattern: string; keys: readonly string[] }[]
}

export interface Decoded {
  scenario: Scenario
  /** the preset the scenario starts from (its link stays short) */
  presetId: string | null
  /** parameters of other patterns the link set (version-1 links carried every pattern's) */
  remembered: ReadonlyMap<string, ParamValues>
  /** what was changed or ignored, in words a user understands; empty for a clean link */
  notices: string[]
  /** set (to the query's length) when the link was too long to be read at all */
  tooLong?: number
}

/** Notices from one link are at most this many (the rest are counted). */
export const MAX_NOTICES = 8
/** A notice from a link has at most this many characters (hostile parts are quoted short, see shown()). */
export const MAX_NOTICE_LENGTH = 200
/**
 * A query longer than this (in characters, as the address bar holds it, percent-escapes included)
 * is not read: the page opens the default scenario and says the link was too long. Every link the
 * app writes is shorter (names are bounded by what they take in a link; see cleanText).
 */
export const MAX_LINK_CHARS = 8_000
/** Keys named in a notice about unknown or repeated keys. */
const MAX_KEYS_NAMED = 5

/** Query values keep `, : /` readable; everything else is percent-encoded. */
function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')
}

function baseOf(catalog: Catalog, s: Scenario, presetId: string | null): Scenario {
  const preset = presetId ? catalog.preset(presetId) : undefined
  if (preset && preset.pattern === s.pattern) return presetScenario(catalog, preset)
  const schema = catalog.pattern(s.pattern)
  const d = defaultScenario(catalog)
  return schema ? { pattern: schema.id, shared: d.shared, params: paramsFrom(schema, undefined) } : d
}

/** The link's query (without "?") for a scenario; `presetId` keeps it relative to that preset. */
export function encodeScenario(catalog: Catalog, s: Scenario, presetId: string | null = null): string {
  const preset = presetId ? catalog.preset(presetId) : undefined
  const usePreset = preset !== undefined && preset.pattern === s.pattern
  const base = baseOf(catalog, s, usePreset ? presetId : null)
  const parts = [`v=${SCENARIO_VERSION}`, usePreset ? `preset=${encodeValue(preset.id)}` : `p=${encodeValue(s.pattern)}`]
  const shared = s.shared as unknown as Record<string, ParamValue>
  const baseShared = base.shared as unknown as Record<string, ParamValue>
  for (const spec of SHARED) {
    if (!sameValue(spec, shared[spec.key], baseShared[spec.key])) parts.push(`${spec.key}=${encodeValue(formatValue(spec, shared[spec.key]))}`)
  }
  const schema = catalog.pattern(s.pattern)
  for (const spec of schema ? schema.params : []) {
    const v = s.params[spec.key]
    if (v !== undefined && !sameValue(spec, v, base.params[spec.key])) parts.push(`${spec.key}=${encodeValue(formatValue(spec, v))}`)
  }
  return parts.join('&')
}

function listKeys(keys: string[]): string {
  const named = keys.slice(0, MAX_KEYS_NAMED).map((k) => `"${shown(k)}"`)
  return keys.length > MAX_KEYS_NAMED ? `${named.join(', ')} and ${keys.length - MAX_KEYS_NAMED} more` : named.join(', ')
}

/** Reads a query string; anything unusable takes the nearest valid value and adds a notice. Never throws. */
export function decodeScenario(catalog: LinkCatalog, search: string): Decoded {
  const query = search.startsWith('?') ? search.slice(1) : search
  if (query.length > MAX_LINK_CHARS) {
    return {
      scenario: defaultScenario(catalog),
      presetId: null,
      remembered: new Map(),
      notices: [`This link is too long to read (${fmtNumber(query.length)} characters; at most ${fmtNumber(MAX_LINK_CHARS)}): opened the default scenario.`],
      tooLong: query.length,
    }
  }
  const notices: string[] = []
  const entries = new Map<string, string>()
  const repeated: string[] = []
  try {
    // '&' first: URLSearchParams would drop another leading '?', and "??v=2" would pass for "v=2"
    for (const [k, v] of new URLSearchParams('&' + query)) {
      if (entries.has(k)) {
        if (!repeated.includes(k)) repeated.push(k)
      } else entries.set(k, v)
    }
  } catch {
    return { scenario: defaultScenario(catalog), presetId: null, remembered: new Map(), notices: ['The link could not be read; opened the default scenario.'] }
  }
  const take = (key: string): string | undefined => {
    const v = entries.get(key)
    entries.delete(key)
    return v
  }
  if (repeated.length) notices.push(`${listKeys(repeated)} appear${repeated.length === 1 ? 's' : ''} more than once: used the first value.`)

  const v = take('v')
  // version 1 wrote `pattern=`; a link that names no version it knows but has that key is read as one
  const isV1 = v === '1' || (v !== String(SCENARIO_VERSION) && entries.has('pattern') && !entries.has('p') && !entries.has('preset'))
  if (v !== undefined && v !== '1' && v !== String(SCENARIO_VERSION)) {
    notices.push(`Link version "${shown(v)}" is not known: read it as version ${isV1 ? 1 : SCENARIO_VERSION}.`)
  }

  // the base: a preset, or a pattern's defaults
  let presetId: string | null = null
  let scenario = defaultScenario(catalog)
  const presetRaw = isV1 ? undefined : take('preset')
  const patternRaw = isV1 ? take('pattern') : take('p')
  if (presetRaw !== undefined) {
    const preset = catalog.preset(presetRaw)
    if (preset) {
      presetId = preset.id
      scenario = presetScenario(catalog, preset)
    } else notices.push(`Preset "${shown(presetRaw)}" is not known; opened ${patternRaw !== undefined && catalog.pattern(patternRaw) ? 'the pattern named' : 'the default scenario'}.`)
  }
  if (patternRaw !== undefined && !(presetId !== null && patternRaw === scenario.pattern)) {
    const schema = catalog.pattern(patternRaw)
    if (schema) {
      if (presetId !== null) notices.push(`The link names preset "${shown(presetId)}" and pattern "${shown(patternRaw)}": used the pattern.`)
      presetId = null
      scenario = { pattern: schema.id, shared: scenario.shared, params: paramsFrom(schema, undefined) }
    } else notices.push(`${isV1 ? 'pattern' : 'p'}: "${shown(patternRaw)}" is not a known pattern; used ${scenario.pattern}.`)
  }

  // shared settings
  const shared: Record<string, ParamValue> = { ...(scenario.shared as unknown as Record<string, ParamValue>) }
  for (const spec of SHARED) {
    const raw = take(spec.key)
    if (raw === undefined) continue
    const c = parseValue(spec, raw, shared[spec.key])
    shared[spec.key] = c.value
    if (c.notice) notices.push(c.notice)
  }

  // the pattern's own parameters (a version-1 link carried every pattern's: remember the others')
  const remembered = new Map<string, ParamValues>()
  const readParams = (patternId: string, keys: readonly string[] | null, base: ParamValues): ParamValues => {
    const schema = catalog.pattern(patternId)
    if (!schema) return base
    const out: Record<string, ParamValue> = { ...base }
    let touched = false
    for (const spec of schema.params) {
      if (keys && !keys.includes(spec.key)) continue
      const raw = take(spec.key)
      if (raw === undefined) continue
      touched = true
      const c = parseValue(spec, raw, out[spec.key])
      out[spec.key] = c.value
      if (c.notice) notices.push(c.notice)
    }
    if (!touched || !schema.normalize) return out
    const n = schema.normalize(out)
    notices.push(...n.notices)
    return n.values
  }
  const params = readParams(scenario.pattern, isV1 ? v1KeysOf(catalog, scenario.pattern) : null, scenario.params)
  if (isV1) {
    for (const home of catalog.v1Homes()) {
      if (home.pattern === scenario.pattern) continue
      const schema = catalog.pattern(home.pattern)
      if (!schema) continue
      const before = entries.size
      const p = readParams(home.pattern, home.keys, paramsFrom(schema, undefined))
      if (entries.size < before) remembered.set(home.pattern, p)
    }
  }

  const unknown = [...entries.keys()]
  if (unknown.length) notices.push(`Unknown setting${unknown.length === 1 ? '' : 's'} ${listKeys(unknown)} ignored.`)
  const sentences = notices.map((n) => cut(/[.!?…]$/.test(n) ? n : `${n}.`, MAX_NOTICE_LENGTH))
  const bounded = sentences.length > MAX_NOTICES ? [...sentences.slice(0, MAX_NOTICES), `…and ${sentences.length - MAX_NOTICES} more changes.`] : sentences
  return {
    scenario: { pattern: scenario.pattern, shared: shared as unknown as SharedValues, params },
    presetId,
    remembered,
    notices: bounded,
  }
}

function v1KeysOf(catalog: LinkCatalog, pattern: string): readonly string[] {
  return catalog.v1Homes().find((h) => h.pattern === pattern)?.keys ?? []
}
