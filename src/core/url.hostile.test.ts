import { describe, expect, it } from 'vitest'
import { REGISTRY } from '../patterns/registry'
import { hostileLinks, reportedLinks } from './hostileLinks'
import { INHERITED_NAMES } from './hostileVocab'
import { takenAsWritten } from './linkModel'
import { MAX_SHOWN, cleanText, type ParamSpec } from './params'
import { defaultScenario, paramsFrom, sharedFrom, type Scenario } from './scenario'
import { SHARED } from './shared'
import { MAX_LINK_CHARS, MAX_NOTICES, MAX_NOTICE_LENGTH, decodeScenario, encodeScenario, type Decoded } from './url'

/**
 * Hostile links, exactly and fast: 10,000 from a fixed seed (garbage values, inherited property
 * names, odd numbers, repeated keys, markup, long values, broken percent-encoding, hostile lists,
 * versions, presets with patterns) plus the links the tester reported. Every property is checked
 * on every link; a failure lists the first offending links.
 */
const SEED = 0x5eed_1
const COUNT = 10_000

const generated = hostileLinks(REGISTRY, SEED, COUNT)
const queries = [...reportedLinks(), ...generated.map((l) => l.query)]

interface Result {
  query: string
  decoded: Decoded | null
  error: string
}

const results: Result[] = queries.map((query) => {
  try {
    return { query, decoded: decodeScenario(REGISTRY, query), error: '' }
  } catch (e) {
    return { query, decoded: null, error: String(e) }
  }
})
const decodedResults = results.filter((r): r is Result & { decoded: Decoded } => r.decoded !== null)

/** The first few failures, each with the link that caused it (cut: some links are 100 KB). */
function failures(check: (r: Result & { decoded: Decoded }) => string | null): string[] {
  const out: string[] = []
  for (const r of decodedResults) {
    const why = check(r)
    if (why !== null) out.push(`${why} ← ${JSON.stringify(r.query.slice(0, 160))}`)
    if (out.length >= 10) break
  }
  return out
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/ // oxlint-disable-line no-control-regex
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function badNumber(spec: { min: number; max: number; integer: boolean }, v: unknown): boolean {
  return typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max || (spec.integer && !Number.isInteger(v)) || Object.is(v, -0)
}

/** Why a value is not valid for its spec, or null. */
function invalid(spec: ParamSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'number':
      return badNumber(spec, v) ? `${spec.key}=${String(v)} is out of its schema` : null
    case 'choice':
      return spec.options.some((o) => o.value === v) ? null : `${spec.key}=${String(v)} is not a choice`
    case 'toggle':
      return typeof v === 'boolean' ? null : `${spec.key} is not a boolean`
    case 'list': {
      if (!Array.isArray(v)) return `${spec.key} is not a list`
      if (v.length < spec.minItems || v.length > spec.maxItems) return `${spec.key} has ${v.length} items`
      const keys = spec.fields.map((f) => f.key).toSorted().join()
      for (const item of v as unknown[]) {
        if (item === null || typeof item !== 'object' || Object.getPrototypeOf(item) !== Object.prototype) return `${spec.key}: an item is not a plain object`
        if (Object.keys(item).toSorted().join() !== keys) return `${spec.key}: an item has fields ${Object.keys(item).join()}`
        for (const f of spec.fields) {
          const x = (item as Record<string, unknown>)[f.key]
          if (f.type === 'number' && badNumber(f, x)) return `${spec.key}.${f.key}=${String(x)} is out of its schema`
          if (f.type === 'choice' && !f.options.some((o) => o.value === x)) return `${spec.key}.${f.key}=${String(x)} is not a choice`
          if (f.type === 'text') {
            if (typeof x !== 'string') return `${spec.key}.${f.key} is not text`
            const again = cleanText(f, x)
            if (again.value !== x || again.notice) return `${spec.key}.${f.key}=${JSON.stringify(x)} is not a clean name`
            if (!f.names && x === '') return `${spec.key}.${f.key} is empty`
            if (LONE_SURROGATE.test(x)) return `${spec.key}.${f.key} holds half a character`
          }
        }
      }
      return null
    }
  }
}

/** Why a scenario is not valid, or null: a known pattern, exactly its settings, each within its schema. */
function invalidScenario(s: Scenario): string | null {
  const schema = REGISTRY.pattern(s.pattern)
  if (!schema) return `unknown pattern ${s.pattern}`
  if (Object.keys(s.shared).toSorted().join() !== SHARED.map((x) => x.key).toSorted().join()) return `shared keys ${Object.keys(s.shared).join()}`
  if (Object.keys(s.params).toSorted().join() !== schema.params.map((x) => x.key).toSorted().join()) return `params keys ${Object.keys(s.params).join()}`
  for (const spec of SHARED) {
    const why = invalid(spec, Object.entries(s.shared).find(([k]) => k === spec.key)?.[1])
    if (why) return why
  }
  for (const spec of schema.params) {
    const why = invalid(spec, Object.entries(s.params).find(([k]) => k === spec.key)?.[1])
    if (why) return why
  }
  return null
}

describe(`${COUNT.toLocaleString('en-US')} hostile links from seed ${SEED} (and the reported ones)`, () => {
  it('the generator covers every kind of hostile link the issue names', () => {
    const what = generated.flatMap((l) => l.what)
    const count = (prefix: string) => what.filter((w) => w.startsWith(prefix)).length
    for (const kind of ['garbage', 'inherited key', 'inherited value', 'near miss', 'id as key', 'number', 'markup in', 'long value', 'broken escape', 'structure', 'list', 'version', 'preset', 'unknown preset', 'odd text', 'over-long', 'valid', 'v1', 'empty base', 'no change']) {
      expect(count(kind), kind).toBeGreaterThanOrEqual(50)
    }
    expect(what.filter((w) => w.endsWith(' ×2000')).length).toBeGreaterThan(10)
    expect(what.filter((w) => w === 'long value 100000').length).toBeGreaterThan(10)
    expect(queries.length).toBeGreaterThanOrEqual(COUNT)
  })

  it('decodeScenario never throws', () => {
    expect(results.filter((r) => r.error).map((r) => `${r.error} ← ${r.query.slice(0, 160)}`)).toEqual([])
  })

  it(`notices are at most ${MAX_NOTICES} plus one counting the rest, each at most ${MAX_NOTICE_LENGTH} characters, with no control characters or half characters`, () => {
    expect(
      failures(({ decoded: { notices } }) => {
        if (notices.length > MAX_NOTICES + 1) return `${notices.length} notices`
        if (notices.length === MAX_NOTICES + 1 && !/^…and \d+ more changes\.$/.test(notices[MAX_NOTICES])) return `the last notice does not count the rest: ${notices[MAX_NOTICES]}`
        const long = notices.find((n) => n.length > MAX_NOTICE_LENGTH)
        if (long) return `a notice of ${long.length} characters: ${long.slice(0, 80)}`
        if (notices.some((n) => CONTROL.test(n))) return 'a control character in a notice'
        if (notices.some((n) => LONE_SURROGATE.test(n))) return 'half a character in a notice'
        return null
      }),
    ).toEqual([])
  })

  it(`a notice quotes at most ${MAX_SHOWN} characters of any key, value or list field of the link (markup included)`, () => {
    expect(
      failures(({ query, decoded: { notices } }) => {
        if (query.replace(/^\?/, '').length > MAX_LINK_CHARS) return null // not read at all (checked below)
        const text = notices.join('\n')
        const pieces = [...new URLSearchParams(query)].flatMap(([k, v]) => [k, v, ...v.split(/[,:/]/)])
        for (const piece of pieces) {
          if (piece.length <= MAX_SHOWN) continue
          const head = piece.slice(0, MAX_SHOWN + 1).replace(new RegExp(CONTROL.source, 'g'), '?')
          if (text.includes(head)) return `a notice quotes more than ${MAX_SHOWN} characters of ${JSON.stringify(piece.slice(0, 40))}`
        }
        return null
      }),
    ).toEqual([])
  })

  it('every decoded scenario is valid: a known pattern, its own settings only, numbers finite and in range, choices among the choices, lists within their lengths and clean', () => {
    expect(
      failures(({ decoded }) => {
        const why = invalidScenario(decoded.scenario)
        if (why) return why
        if (decoded.presetId !== null && REGISTRY.preset(decoded.presetId)?.pattern !== decoded.scenario.pattern) return `preset ${decoded.presetId} does not fit`
        for (const [pattern, params] of decoded.remembered) {
          const why2 = invalidScenario({ pattern, shared: decoded.scenario.shared, params })
          if (why2) return `remembered ${pattern}: ${why2}`
        }
        return null
      }),
    ).toEqual([])
  })

  it(`the rewritten link is a fixed point: it decodes to the same scenario without notices, is written the same again, and has at most ${MAX_LINK_CHARS.toLocaleString('en-US')} characters`, () => {
    expect(
      failures(({ decoded }) => {
        const link = encodeScenario(REGISTRY, decoded.scenario, decoded.presetId)
        if (link.length > MAX_LINK_CHARS) return `the rewritten link has ${link.length} characters`
        const again = decodeScenario(REGISTRY, link)
        if (again.notices.length) return `the rewritten link ${link.slice(0, 120)} gives notices: ${again.notices.join(' ')}`
        try {
          expect(again.scenario).toEqual(decoded.scenario)
        } catch {
          return `the rewritten link ${link.slice(0, 120)} opens another scenario`
        }
        if (again.presetId !== decoded.presetId) return 'the rewritten link opens another preset'
        if (encodeScenario(REGISTRY, again.scenario, again.presetId) !== link) return 'the rewritten link is written otherwise the second time'
        return null
      }),
    ).toEqual([])
  })

  it('a notice comes exactly when the link was not taken as written (takenAsWritten: key order, encoding and the format’s own equivalences aside)', () => {
    let changed = 0
    expect(
      failures(({ query, decoded }) => {
        const rewritten = encodeScenario(REGISTRY, decoded.scenario, decoded.presetId)
        const taken = takenAsWritten(REGISTRY, query, rewritten)
        if (!taken) changed++
        if (!taken && decoded.notices.length === 0) return `changed to ${rewritten.slice(0, 120)} without a notice`
        if (taken && decoded.notices.length > 0) return `taken as written, yet: ${decoded.notices.join(' ').slice(0, 160)}`
        return null
      }),
    ).toEqual([])
    // both sides are exercised: most links are changed, some are not
    expect(changed).toBeGreaterThan(COUNT / 2)
    expect(changed).toBeLessThan(decodedResults.length - 200)
  })

  it(`a link longer than ${MAX_LINK_CHARS.toLocaleString('en-US')} characters is not read: the default scenario and one notice that says it is too long, with its length`, () => {
    const long = decodedResults.filter((r) => r.query.replace(/^\?/, '').length > MAX_LINK_CHARS)
    expect(long.length).toBeGreaterThan(100)
    for (const { query, decoded } of long) {
      const length = query.startsWith('?') ? query.length - 1 : query.length
      expect(decoded.scenario).toEqual(defaultScenario(REGISTRY))
      expect(decoded.presetId).toBeNull()
      expect(decoded.notices).toHaveLength(1)
      expect(decoded.notices[0]).toContain('too long')
      expect(decoded.notices[0]).toContain(length.toLocaleString('en-US'))
    }
    // one character less is read
    const justShort = `v=2&p=batches&n=${'0'.repeat(MAX_LINK_CHARS - 'v=2&p=batches&n='.length - 2)}12`
    expect(justShort.length).toBe(MAX_LINK_CHARS)
    expect(decodeScenario(REGISTRY, justShort)).toMatchObject({ notices: [], scenario: { pattern: 'batches', shared: { n: 12 } } })
    expect(decodeScenario(REGISTRY, '?' + justShort).notices).toEqual([])
  })

  it('names every object inherits, as keys or values, open a working scenario and are named in a notice', () => {
    for (const name of INHERITED_NAMES) {
      for (const q of [`${name}=1`, `p=${name}`, `preset=${name}`, `pattern=${name}`, `kind=${name}`, `v=${name}`]) {
        const d = decodeScenario(REGISTRY, q)
        expect(invalidScenario(d.scenario), q).toBeNull()
        expect(d.notices.join(' '), q).toContain(`"${name}"`)
      }
    }
  })
})

describe('the longest link a valid scenario can have', () => {
  /**
   * Every list full, every name as wide as a name can be in a link, every graph dependency there can
   * be, numbers at their longest. Built through paramsFrom (the way presets and files are checked),
   * so the names are cut exactly as a link's would be.
   */
  function widest(patternId: string, letter: (i: number) => string): string {
    const schema = REGISTRY.pattern(patternId)!
    const longest = (spec: ParamSpec): unknown => {
      if (spec.type === 'toggle') return true
      if (spec.type === 'choice') return spec.options.map((o) => o.value).reduce((a, b) => (b.length > a.length ? b : a))
      if (spec.type === 'number') return spec.integer ? spec.max : spec.max - (spec.max - spec.min) / 3
      return Array.from({ length: spec.maxItems }, (_, i) =>
        Object.fromEntries(
          spec.fields.map((f) => {
            if (f.type !== 'text') return [f.key, longest(f)]
            if (!f.names) return [f.key, letter(i).repeat(f.maxLength * 3)]
            return [f.key, Array.from({ length: i }, (_unused, j) => letter(j).repeat(f.maxLength * 3)).join('/')]
          }),
        ),
      )
    }
    const notices: string[] = []
    const s: Scenario = {
      pattern: schema.id,
      shared: sharedFrom(Object.fromEntries(SHARED.map((spec) => [spec.key, longest(spec)])), undefined, notices),
      params: paramsFrom(schema, Object.fromEntries(schema.params.map((spec) => [spec.key, longest(spec)])), notices),
    }
    expect(invalidScenario(s)).toBeNull()
    return encodeScenario(REGISTRY, s)
  }

  it(`fits in MAX_LINK_CHARS (${MAX_LINK_CHARS.toLocaleString('en-US')}), whatever letters the names use, and reads back as itself`, () => {
    const letters: Record<string, (i: number) => string> = {
      ascii: (i) => String.fromCharCode(65 + i),
      '#': (i) => '#' + String.fromCharCode(65 + i),
      latin: (i) => String.fromCharCode(0xc0 + i),
      cjk: (i) => String.fromCharCode(0x4e00 + i),
      astral: (i) => String.fromCodePoint(0x1d400 + i),
    }
    let max = 0
    for (const mod of REGISTRY.modules) {
      for (const letter of Object.values(letters)) {
        const link = widest(mod.id, letter)
        max = Math.max(max, link.length)
        expect(link.length, `${mod.id}: ${link.slice(0, 100)}`).toBeLessThanOrEqual(MAX_LINK_CHARS)
        expect(decodeScenario(REGISTRY, link).notices, link.slice(0, 100)).toEqual([])
      }
    }
    // the worst case is a real stress: a full dependency graph of wide names
    expect(max).toBeGreaterThan(MAX_LINK_CHARS / 4)
  })
})
