/**
 * Test support (imported by tests only, never by the app): an independent model of what "the link
 * was taken as written" means, with its own reading of numbers, to hold the codec and the app to it.
 * The hostile links themselves come from hostileLinks.ts.
 */
import type { HostileCatalog } from './hostileLinks'
import { formatValue, type FieldSpec, type NumberSpec, type ParamSpec } from './params'
import { defaultScenario, paramsFrom, presetScenario } from './scenario'
import { SHARED } from './shared'
import { MAX_LINK_CHARS } from './url'

/**
 * Whether a link was taken as written: a precise statement of "nothing changed", independent of the
 * codec's notices. `input` is the query the app read, `rewritten` the one it wrote (both without "?").
 * Equal up to key order and percent-encoding, except for what the link format defines as the same:
 * - `v=2` may be left out or added; a version-1 link (`v=1`, or `pattern=` without `v`, `p` or
 *   `preset`) names its pattern with `pattern=`, and may carry the version-1 keys of other patterns
 *   (kept aside for them);
 * - a setting may be left out of the rewritten link when it is the preset's or the pattern's own;
 * - a value may be spelled otherwise when the codec reads it as exactly that value (`050` is 50,
 *   `true` is 1, `threads=0` is `auto`, a list item's trailing fields take their defaults): the
 *   rewritten link then writes it the codec's way.
 * Anything else (a key used twice or not known, a value changed, clamped, cleaned or refused, a
 * repaired graph, a link too long to read) is a change, and the page must say so.
 */
export function takenAsWritten(catalog: HostileCatalog, input: string, rewritten: string): boolean {
  const query = input.startsWith('?') ? input.slice(1) : input
  if (query.length > MAX_LINK_CHARS) return false
  const pairs = [...new URLSearchParams('&' + query)] // '&' first: a second '?' is part of a key
  const given = new Map(pairs)
  if (given.size !== pairs.length) return false // a key given twice
  const out = new Map(new URLSearchParams(rewritten))
  const v = given.get('v')
  if (v !== undefined && v !== '1' && v !== '2') return false
  const isV1 = v === '1' || (v !== '2' && given.has('pattern') && !given.has('p') && !given.has('preset'))
  const presetId = out.get('preset')
  const preset = presetId === undefined ? undefined : catalog.preset(presetId)
  const patternId = preset ? preset.pattern : out.get('p')
  const schema = patternId === undefined ? undefined : catalog.pattern(patternId)
  if (!schema) return false
  const base = preset ? presetScenario(catalog, preset) : { shared: defaultScenario(catalog).shared, params: paramsFrom(schema, undefined) }
  const homes = catalog.modules.filter((m) => m.id !== schema.id && m.v1Keys && m.v1Keys.length > 0)
  const own = schema.params.filter((s) => !isV1 || ((schema as { v1Keys?: readonly string[] }).v1Keys ?? []).includes(s.key))
  // what the rewritten link says for a key (its own value, or the base's when it left the key out)
  const said = (spec: ParamSpec, baseValue: Parameters<typeof formatValue>[1]) => out.get(spec.key) ?? formatValue(spec, baseValue)
  for (const [k, raw] of pairs) {
    if (k === 'v') continue
    if (k === (isV1 ? 'pattern' : 'p')) {
      if (raw !== schema.id) return false
      continue
    }
    if (k === 'preset' && !isV1) {
      if (raw !== presetId) return false
      continue
    }
    const sharedSpec = SHARED.find((s) => s.key === k)
    if (sharedSpec) {
      const baseValue = Object.entries(base.shared).find(([key]) => key === k)?.[1]
      if (baseValue === undefined || !sameSetting(sharedSpec, raw, said(sharedSpec, baseValue))) return false
      continue
    }
    const ownSpec = own.find((s) => s.key === k)
    if (ownSpec) {
      const baseValue = Object.entries(base.params).find(([key]) => key === k)?.[1]
      if (baseValue === undefined || !sameSetting(ownSpec, raw, said(ownSpec, baseValue))) return false
      continue
    }
    const home = isV1 ? homes.find((m) => (m.v1Keys ?? []).includes(k)) : undefined
    const homeSpec = home?.params.find((s) => s.key === k)
    if (homeSpec) {
      if (!usableAsIs(homeSpec, raw)) return false
      continue
    }
    return false // not a key of this link
  }
  // the rewritten link adds nothing but the version and the pattern
  for (const k of out.keys()) {
    if (k !== 'v' && k !== 'p' && k !== 'preset' && !given.has(k)) return false
  }
  return true
}

// The model's own reading of values, independent of the codec's parser: what a link may spell
// otherwise and still mean exactly the value the rewritten link writes.

/** A plain decimal (the model's own grammar: no hex, no "_", no blanks, no words). */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const TOGGLE_WORDS: readonly (readonly [string, string])[] = [['1', '1'], ['true', '1'], ['on', '1'], ['0', '0'], ['false', '0'], ['off', '0']]

/** The number a spelling stands for, or NaN. */
function numberOf(spec: NumberSpec, raw: string): number {
  if (spec.special?.word !== undefined && raw === spec.special.word) return spec.special.value
  return PLAIN_DECIMAL.test(raw) ? Number(raw) : NaN
}

function sameField(spec: FieldSpec, raw: string, text: string): boolean {
  if (raw === text) return true
  // the same number, spelled otherwise ("050", "5.0", "+5", "-0", "1e2", "auto" for its number)
  return spec.type === 'number' && numberOf(spec, raw) === numberOf(spec, text)
}

/** Whether `raw` in a link means exactly the setting the rewritten link writes as `text`. */
function sameSetting(spec: ParamSpec, raw: string, text: string): boolean {
  if (raw === text) return true
  if (spec.type === 'toggle') return TOGGLE_WORDS.some(([word, v]) => word === raw && v === text)
  if (spec.type !== 'list') return sameField(spec, raw, text)
  const items = (s: string) => (s === '' ? [] : s.split(',').map((item) => item.split(':')))
  const rawItems = items(raw)
  const textItems = items(text)
  if (rawItems.length !== textItems.length) return false
  return rawItems.every((fields, i) => {
    if (fields.length > spec.fields.length) return false
    const base = spec.newItem(i)
    // a missing trailing field is the new item's
    return spec.fields.every((f, k) => sameField(f, fields[k] ?? String(Object.entries(base).find(([key]) => key === f.key)?.[1]), textItems[i][k] ?? ''))
  })
}

/** Whether a value can be used as it is (for a version-1 key kept aside for another pattern). */
function usableAsIs(spec: ParamSpec, raw: string): boolean {
  if (spec.type === 'toggle') return TOGGLE_WORDS.some(([word]) => word === raw)
  if (spec.type === 'choice') return spec.options.some((o) => o.value === raw)
  if (spec.type === 'list') return false
  const x = numberOf(spec, raw)
  return Number.isFinite(x) && x >= spec.min && x <= spec.max && (!spec.integer || Number.isInteger(x))
}
