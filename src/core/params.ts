/**
 * Parameter schemas: one description per setting, from which the settings panel, the URL codec,
 * validation and its notices are generated. Values come from users, links and files: every parser
 * here takes any string and returns a valid value plus, when it had to change something, a notice.
 */

export interface NumberSpec {
  type: 'number'
  key: string
  label: string
  unit: string
  min: number
  max: number
  default: number
  integer: boolean
  /** sliders for wide ranges move on a log scale */
  log: boolean
  hint?: string
  /**
   * A value with a meaning of its own, shown as `label` ("auto" threads, "one per call"); `word`,
   * when given, stands for it in links and may be typed (threads=auto).
   */
  special?: { value: number; label: string; word?: string }
  /** whether it matters with these values (the panel shows only those that do; links keep all) */
  relevant?(values: ParamValues): boolean
}

export interface ChoiceSpec {
  type: 'choice'
  key: string
  label: string
  options: readonly { value: string; label: string }[]
  default: string
  hint?: string
  /** whether it matters with these values (the panel shows only those that do; links keep all) */
  relevant?(values: ParamValues): boolean
}

export interface ToggleSpec {
  type: 'toggle'
  key: string
  label: string
  default: boolean
  hint?: string
  /** whether it matters with these values (the panel shows only those that do; links keep all) */
  relevant?(values: ParamValues): boolean
}

/** A short name inside a list item ("Parse", "Fetch CI"): letters, digits, spaces and - _ . # ( ). */
export interface TextSpec {
  type: 'text'
  key: string
  label: string
  maxLength: number
  default: string
  /** several names separated by "/" (each cleaned like a name); may then be empty */
  names?: boolean
}

export type FieldSpec = NumberSpec | ChoiceSpec | TextSpec
export type FieldValue = number | string

/** One entry of a list: field key → value. Keys are the field specs' own (never from input). */
export type ListItem = Readonly<Record<string, FieldValue>>

/**
 * An ordered list of items (pipeline stages, named tasks). In a link: items separated by `,`, an
 * item's fields by `:` in the order of `fields`; trailing fields may be left out.
 */
export interface ListSpec {
  type: 'list'
  key: string
  label: string
  fields: readonly FieldSpec[]
  minItems: number
  maxItems: number
  default: readonly ListItem[]
  /** the item a user adds, or one that fills a list up to minItems (i = its position, from 0) */
  newItem(i: number): ListItem
  hint?: string
  /** whether it matters with these values (the panel shows only those that do; links keep all) */
  relevant?(values: ParamValues): boolean
}

export type ParamSpec = NumberSpec | ChoiceSpec | ToggleSpec | ListSpec
export type ParamValue = number | string | boolean | readonly ListItem[]
/** A pattern's parameter values, keyed by its specs' keys. */
export type ParamValues = Readonly<Record<string, ParamValue>>

export interface Checked<T> {
  value: T
  /** set when the input was not usable as given: says what was changed */
  notice?: string
}

/** Characters of a hostile key or value a notice quotes (more are cut, with an ellipsis). */
export const MAX_SHOWN = 24

/** `text` cut to at most `max` UTF-16 units, ending in "…" when cut; never halves a character. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break
    out += ch
  }
  return out + '…'
}

/** A piece of hostile input, made safe and short for a notice. */
export function shown(raw: string): string {
  const head = raw.length > MAX_SHOWN * 2 ? raw.slice(0, MAX_SHOWN * 2) : raw
  // control characters (they are exactly what a hostile link would use to garble a notice), and
  // halves of characters (a cut can make them)
  // oxlint-disable-next-line no-control-regex
  const clean = head.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?')
  if (clean.length <= MAX_SHOWN && head === raw) return clean
  let out = ''
  for (const ch of clean) {
    if (out.length + ch.length > MAX_SHOWN) break
    out += ch
  }
  return out + '…'
}

export function fmtNumber(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 4 })
}

/** A number from a link, for a notice: huge and tiny ones in a few digits (1e300 is not 400 characters). */
function fmtRaw(x: number): string {
  return Math.abs(x) >= 1e15 || (x !== 0 && Math.abs(x) < 1e-4) ? x.toPrecision(4) : fmtNumber(x)
}

/** Strict decimal: "12", "-1.5", "2e3"; not "0x10", "Infinity", "1_000" or " 3". */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

export function parseDecimal(raw: string): number {
  return DECIMAL.test(raw) ? Number(raw) : NaN
}

function rangeText(spec: NumberSpec): string {
  const unit = spec.unit && spec.unit !== '×' ? ' ' + spec.unit : ''
  return `${fmtNumber(spec.min)}–${fmtNumber(spec.max)}${unit}`
}

/** Brings a number into its parameter's range (and to a whole number where required). */
export function checkNumber(spec: NumberSpec, raw: number, fallback: number): Checked<number> {
  if (Number.isNaN(raw)) return { value: fallback, notice: `${spec.label}: not a number, kept ${fmtNumber(fallback)} (range ${rangeText(spec)})` }
  if (!Number.isFinite(raw)) {
    // too large for a double ("1e309" typed in a box): out of range like any other, as in a link
    const v = raw > 0 ? spec.max : spec.min
    return { value: v, notice: `${spec.label}: a number ${raw > 0 ? 'above the maximum' : 'below the minimum'}, used ${fmtNumber(v)} (range ${rangeText(spec)})` }
  }
  let v = spec.integer ? Math.round(raw) : raw
  if (v < spec.min) v = spec.min
  if (v > spec.max) v = spec.max
  if (v === 0) v = 0 // -0 is 0 (a link writes both as "0", and they must read back equal)
  if (v === raw) return { value: v }
  const why = raw < spec.min ? 'below the minimum' : raw > spec.max ? 'above the maximum' : 'not a whole number'
  return { value: v, notice: `${spec.label}: ${fmtRaw(raw)} is ${why}, used ${fmtNumber(v)} (range ${rangeText(spec)})` }
}

const NAME_CHARS = /[^\p{L}\p{N} _.#()-]/gu

/**
 * What a name may take in a link, per character of its maxLength: a name of ASCII letters keeps its
 * maxLength, one of letters a link spells out with escapes is shorter ("é" takes 6, "あ" 9), so no
 * list of names can make a link longer than the app reads (MAX_LINK_CHARS).
 */
const LINK_CHARS_PER_NAME_CHAR = 3

function cleanName(raw: string, maxLength: number): string {
  const words = raw.replace(NAME_CHARS, '').replace(/\s+/g, ' ').trim()
  let out = ''
  let inLink = 0
  // by code point, so a cut never halves a character (encodeURIComponent would throw on the half)
  for (const ch of words) {
    inLink += encodeURIComponent(ch).length
    if (out.length + ch.length > maxLength || inLink > maxLength * LINK_CHARS_PER_NAME_CHAR) break
    out += ch
  }
  return out.trimEnd()
}

/**
 * A clean name that ends in `suffix` (" 2"), made from `name`: its end gives way when both do not
 * fit in maxLength. For copies of a name that must differ from it.
 */
export function nameWithSuffix(spec: TextSpec, name: string, suffix: string): string {
  let base = name
  for (;;) {
    const v = cleanName(base + suffix, spec.maxLength)
    if (v.endsWith(suffix) || base === '') return v
    base = [...base].slice(0, -1).join('').trimEnd()
  }
}

/** A name (or, for `names`, a "/"-separated list of names) as a link and a lane label can carry it. */
export function cleanText(spec: TextSpec, raw: string): Checked<string> {
  if (spec.names) {
    const v = raw
      .split('/')
      .map((n) => cleanName(n, spec.maxLength))
      .filter((n) => n !== '')
      .slice(0, 12)
      .join('/')
    return v === raw ? { value: v } : { value: v, notice: `${spec.label}: "${shown(raw)}" was cleaned to "${shown(v)}"` }
  }
  const v = cleanName(raw, spec.maxLength)
  if (v === '') return { value: spec.default, notice: `${spec.label}: "${shown(raw)}" is not a usable name, used "${spec.default}"` }
  if (v !== raw) return { value: v, notice: `${spec.label}: "${shown(raw)}" was shortened or cleaned to "${shown(v)}"` }
  return { value: v }
}

function optionOf(spec: ChoiceSpec, raw: string): string | undefined {
  return spec.options.find((o) => o.value === raw)?.value
}

function parseField(spec: FieldSpec, raw: string, fallback: FieldValue): Checked<FieldValue> {
  if (spec.type === 'text') return cleanText(spec, raw)
  if (spec.type === 'choice') {
    const v = optionOf(spec, raw)
    if (v !== undefined) return { value: v }
    return { value: fallback, notice: `${spec.label}: "${shown(raw)}" is not one of ${spec.options.map((o) => o.value).join(', ')}; used ${String(fallback)}` }
  }
  const x = parseDecimal(raw)
  if (Number.isNaN(x)) return { value: fallback, notice: `${spec.label}: "${shown(raw)}" is not a decimal number, kept ${fmtNumber(fallback as number)}` }
  if (!Number.isFinite(x)) {
    // a decimal too large for a double ("1e309"): out of range like any other
    const v = x > 0 ? spec.max : spec.min
    return { value: v, notice: `${spec.label}: "${shown(raw)}" is ${x > 0 ? 'above the maximum' : 'below the minimum'}, used ${fmtNumber(v)} (range ${rangeText(spec)})` }
  }
  return checkNumber(spec, x, fallback as number)
}

/** Parses a value from a link. Never throws; `fallback` is the value to keep when `raw` is unusable. */
export function parseValue(spec: ParamSpec, raw: string, fallback: ParamValue): Checked<ParamValue> {
  if (spec.type === 'toggle') {
    if (raw === '1' || raw === 'true' || raw === 'on') return { value: true }
    if (raw === '0' || raw === 'false' || raw === 'off') return { value: false }
    return { value: fallback, notice: `${spec.label}: "${shown(raw)}" is not on or off; kept ${fallback ? 'on' : 'off'}` }
  }
  if (spec.type === 'list') return parseList(spec, raw === '' ? [] : raw.split(',').map((part) => part.split(':')))
  if (spec.type === 'number' && spec.special?.word !== undefined && raw === spec.special.word) return { value: spec.special.value }
  return parseField(spec, raw, fallback as FieldValue)
}

/** Problems of single list items named in a list's notice (the rest are counted). */
const MAX_ITEM_NOTICES = 2

/** A list from its items' raw fields (in the order of spec.fields; missing trailing fields take defaults). */
function parseList(spec: ListSpec, rawItems: (string | undefined)[][]): Checked<ParamValue> {
  const notices: string[] = []
  const itemNotices: string[] = []
  let parts = rawItems
  if (parts.length > spec.maxItems) {
    notices.push(`${spec.label}: ${parts.length} entries, at most ${spec.maxItems}; kept the first ${spec.maxItems}`)
    parts = parts.slice(0, spec.maxItems)
  }
  const items: ListItem[] = parts.map((raws, i) => {
    const base = spec.newItem(i)
    const item: Record<string, FieldValue> = { ...base }
    spec.fields.forEach((f, k) => {
      const raw = raws[k]
      if (raw === undefined) return
      const c = parseField(f, raw, base[f.key])
      item[f.key] = c.value
      if (c.notice) itemNotices.push(`${spec.label} ${i + 1}: ${c.notice}`)
    })
    if (raws.length > spec.fields.length) itemNotices.push(`${spec.label} ${i + 1}: ${raws.length - spec.fields.length} extra field(s) ignored`)
    return item
  })
  notices.push(...itemNotices.slice(0, MAX_ITEM_NOTICES))
  if (itemNotices.length > MAX_ITEM_NOTICES) notices.push(`and ${itemNotices.length - MAX_ITEM_NOTICES} more in ${spec.label}`)
  while (items.length < spec.minItems) {
    items.push(spec.newItem(items.length))
    if (items.length === spec.minItems) notices.push(`${spec.label}: needs at least ${spec.minItems}; added default entries`)
  }
  return notices.length ? { value: items, notice: notices.join('; ') } : { value: items }
}

/** Writes a value for a link (the inverse of parseValue). */
export function formatValue(spec: ParamSpec, v: ParamValue): string {
  if (spec.type === 'toggle') return v ? '1' : '0'
  if (spec.type === 'number' && spec.special?.word !== undefined && v === spec.special.value) return spec.special.word
  if (spec.type === 'list') {
    return (v as readonly ListItem[])
      .map((item) => spec.fields.map((f) => String(item[f.key])).join(':'))
      .join(',')
  }
  return String(v)
}

/** Whether two values of one spec are the same setting. */
export function sameValue(spec: ParamSpec, a: ParamValue, b: ParamValue): boolean {
  if (spec.type !== 'list') return a === b
  return formatValue(spec, a) === formatValue(spec, b)
}

/** Every spec's default. */
export function defaults(specs: readonly ParamSpec[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {}
  for (const s of specs) out[s.key] = s.default
  return out
}

/**
 * Brings a value of unknown type (a preset, a file) to a valid one for `spec`: numbers clamped,
 * choices checked, lists rebuilt field by field. Anything unusable takes `fallback`.
 */
export function checkValue(spec: ParamSpec, v: unknown, fallback: ParamValue): Checked<ParamValue> {
  if (spec.type === 'toggle') return typeof v === 'boolean' ? { value: v } : { value: fallback, notice: `${spec.label}: not on or off` }
  if (spec.type === 'list') {
    if (!Array.isArray(v)) return { value: fallback, notice: `${spec.label}: not a list` }
    const raws = v.map((item) =>
      spec.fields.map((f) => {
        if (item === null || typeof item !== 'object' || !Object.hasOwn(item, f.key)) return undefined
        const x = (item as Record<string, unknown>)[f.key]
        return typeof x === 'number' || typeof x === 'string' ? String(x) : ''
      }),
    )
    return parseList(spec, raws)
  }
  if (spec.type === 'choice') return typeof v === 'string' && optionOf(spec, v) !== undefined ? { value: v } : { value: fallback, notice: `${spec.label}: not one of the choices` }
  return checkNumber(spec, typeof v === 'number' ? v : NaN, fallback as number)
}
