/**
 * Test support (imported by tests only, never by the app): hostile links from a fixed seed, made of
 * the pieces in hostileVocab.ts. What "the link was taken as written" means is modelled in linkModel.ts.
 */
import type { ListSpec, NumberSpec, ParamSpec } from './params'
import type { Catalog, Preset, PatternSchema } from './scenario'
import { SHARED } from './shared'
import { BROKEN_ESCAPES, INHERITED_NAMES, MARKUP, ODD_NUMBERS, ODD_TEXT, enc, mulberry32 } from './hostileVocab'
import { MAX_LINK_CHARS } from './url'

/** What the generator needs to know of the registry. */
export interface HostileCatalog extends Catalog {
  readonly modules: readonly (PatternSchema & { v1Keys?: readonly string[] })[]
  readonly presets: readonly Preset[]
}

export interface HostileLink {
  /** the query, without "?", as a link would carry it (it may hold anything, even "#") */
  query: string
  /** what the generator did, for a failing test's message */
  what: string[]
  /** markup it put in */
  markup: string[]
}

class Gen {
  readonly what: string[] = []
  readonly markup: string[] = []

  constructor(
    readonly rnd: () => number,
    readonly catalog: HostileCatalog,
  ) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n)
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]
  }

  chance(p: number): boolean {
    return this.rnd() < p
  }

  get patternIds(): string[] {
    return this.catalog.modules.map((m) => m.id)
  }

  get allSpecs(): ParamSpec[] {
    return [...SHARED, ...this.catalog.modules.flatMap((m) => m.params)]
  }

  /** A pair as a link writes it: encoded, raw, or half and half. */
  pair(k: string, v: string | null): string {
    const mode = this.int(6)
    const e = (s: string) => (mode === 0 ? s : mode === 1 ? enc(s).replace(/%20/g, '+') : enc(s))
    return v === null ? e(k) : `${e(k)}=${e(v)}`
  }

  /** A valid value for a spec, written plainly. */
  validValue(spec: ParamSpec): string {
    switch (spec.type) {
      case 'toggle':
        return this.pick(['1', '0'])
      case 'choice':
        return this.pick(spec.options).value
      case 'number':
        return this.validNumber(spec)
      case 'list': {
        const n = spec.minItems + this.int(spec.maxItems - spec.minItems + 1)
        return Array.from({ length: n }, (_, i) => this.validItem(spec, i)).join(',')
      }
    }
  }

  validNumber(spec: NumberSpec): string {
    if (spec.special?.word && this.chance(0.1)) return spec.special.word
    const x = spec.min + this.rnd() * (spec.max - spec.min)
    return String(spec.integer ? Math.round(x) : Math.round(x * 100) / 100)
  }

  validItem(spec: ListSpec, i: number): string {
    return spec.fields
      .map((f) => (f.type === 'text' ? (f.key === 'name' ? `N${i}` : this.chance(0.5) && i > 0 ? `N${this.int(i)}` : '') : this.validValue(f)))
      .join(':')
  }

  /** Something a setting cannot use. */
  garbage(): string {
    const r = this.int(7)
    if (r === 0) return this.pick(ODD_NUMBERS)
    if (r === 1) return this.pick(INHERITED_NAMES)
    if (r === 2) return this.markupText()
    if (r === 3) return this.pick(ODD_TEXT)
    if (r === 4) return this.pick(this.patternIds).toUpperCase()
    if (r === 5) return this.pick(ODD_NUMBERS) + this.pick(ODD_TEXT)
    return 'x'.repeat(1 + this.int(40))
  }

  markupText(): string {
    const m = this.pick(MARKUP)
    this.markup.push(m)
    return m
  }

  /** A key that is almost one the link format knows. */
  nearMiss(): string {
    const base = this.pick([...this.patternIds, ...this.catalog.presets.map((p) => p.id), ...this.allSpecs.map((s) => s.key), 'v', 'p', 'preset', 'pattern'])
    switch (this.int(8)) {
      case 0:
        return base.toUpperCase()
      case 1:
        return base + 's'
      case 2:
        return ' ' + base
      case 3:
        return base + ' '
      case 4:
        return base.slice(0, -1)
      case 5:
        return '_' + base
      case 6:
        return base.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) // a full-width letter
      default:
        return base + '\u200d'
    }
  }

  /** Values at and beyond a number's limits. */
  boundary(spec: NumberSpec): string {
    const span = spec.max - spec.min
    return String(
      this.pick([spec.min, spec.max, spec.min - 1, spec.max + 1, spec.min - 0.5, spec.max + 0.5, spec.min - span * 1e-9, spec.max * 10, -spec.max, spec.min + 0.49, spec.max - 0.5, 2 ** 53, -(2 ** 53)]),
    )
  }

  /** A list value with too many or too few items, and broken fields. */
  hostileList(spec: ListSpec): string {
    const count = this.pick([0, 1, 2, spec.maxItems, spec.maxItems + 1, 50, 3000])
    const item = (i: number) => {
      const nFields = this.int(spec.fields.length + 4)
      return Array.from({ length: nFields }, (_, k) => {
        const f = spec.fields[k]
        if (!f || this.chance(0.4)) return this.chance(0.5) ? this.garbage() : ''
        if (f.type === 'text') return this.hostileName(i, count)
        return this.chance(0.5) ? this.validValue(f) : f.type === 'number' ? this.pick([this.boundary(f), this.pick(ODD_NUMBERS)]) : this.garbage()
      }).join(this.chance(0.97) ? ':' : '::')
    }
    const items = Array.from({ length: count }, (_, i) => item(i))
    return items.join(this.chance(0.97) ? ',' : ',,')
  }

  /** Names near their length limit, with astral letters, spaces where a cut lands, markup, duplicates and cycles. */
  hostileName(i: number, count: number): string {
    switch (this.int(9)) {
      case 0:
        return 'a'.repeat(19) + ' ' + 'b'.repeat(this.int(4))
      case 1:
        return (this.chance(0.5) ? 'a' : '') + '𝐀'.repeat(8 + this.int(6))
      case 2:
        return 'あ'.repeat(15 + this.int(10))
      case 3:
        return this.markupText()
      case 4:
        return 'Same' // duplicates
      case 5:
        return 'X'.repeat(20) // duplicates at the length limit
      case 6:
        return `N${i} 2` // collides with a renamed duplicate
      case 7:
        return Array.from({ length: 1 + this.int(14) }, () => `N${this.int(Math.max(1, count))}`).join('/') // dependencies, cycles, self
      default:
        return `N${i}`
    }
  }

  /** The link to start from: nothing, a valid pattern link, a preset, or a version-1 link. */
  base(): string[] {
    const r = this.int(8)
    if (r <= 1) {
      this.what.push('empty base')
      return []
    }
    if (r <= 4) {
      const mod = this.pick(this.catalog.modules)
      this.what.push(`valid ${mod.id}`)
      const specs = [...SHARED, ...mod.params].filter(() => this.chance(0.4))
      const out = [this.pair('p', mod.id), ...specs.map((s) => this.pair(s.key, this.validValue(s)))]
      if (this.chance(0.7)) out.unshift(this.pair('v', '2'))
      return this.shuffle(out)
    }
    if (r <= 6) {
      const preset = this.pick(this.catalog.presets)
      this.what.push(`preset ${preset.id}`)
      const out = [this.pair('preset', preset.id)]
      if (this.chance(0.5)) out.push(this.pair('v', '2'))
      const mod = this.catalog.modules.find((m) => m.id === preset.pattern)
      for (const s of [...SHARED, ...(mod?.params ?? [])]) if (this.chance(0.15)) out.push(this.pair(s.key, this.validValue(s)))
      return this.shuffle(out)
    }
    const homes = this.catalog.modules.filter((m) => m.v1Keys && m.v1Keys.length > 0)
    const pattern = this.chance(0.5) ? this.pick(homes).id : this.pick(this.patternIds)
    this.what.push(`v1 ${pattern}`)
    const out = [this.pair('pattern', pattern)]
    if (this.chance(0.7)) out.push(this.pair('v', '1'))
    for (const s of SHARED) if (this.chance(0.3)) out.push(this.pair(s.key, this.validValue(s)))
    for (const m of homes) {
      for (const k of m.v1Keys ?? []) {
        const spec = m.params.find((p) => p.key === k)
        if (spec && this.chance(0.5)) out.push(this.pair(k, this.validValue(spec)))
      }
    }
    return this.shuffle(out)
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      ;[xs[i], xs[j]] = [xs[j], xs[i]]
    }
    return xs
  }

  /** One hostile change to the link's pairs. */
  mutate(parts: string[]): void {
    const at = () => this.int(parts.length + 1)
    const put = (s: string) => parts.splice(at(), 0, s)
    const specs = this.allSpecs
    const numbers = specs.filter((s): s is NumberSpec => s.type === 'number')
    const lists = this.catalog.modules.flatMap((m) => m.params.filter((s): s is ListSpec => s.type === 'list').map((s) => ({ m, s })))
    const r = this.int(17)
    switch (r) {
      case 0: {
        const spec = this.pick(specs)
        this.what.push(`garbage ${spec.key}`)
        put(this.pair(spec.key, this.garbage()))
        break
      }
      case 1: {
        const name = this.pick(INHERITED_NAMES)
        this.what.push(`inherited key ${name}`)
        put(this.pair(name, this.chance(0.3) ? null : this.chance(0.5) ? '1' : name))
        break
      }
      case 2: {
        const key = this.pick(['p', 'preset', 'pattern', 'v', 'kind', 'variation', 'mode', 'source', 'threads', 'continuous'])
        const name = this.pick(INHERITED_NAMES)
        this.what.push(`inherited value ${key}=${name}`)
        put(this.pair(key, name))
        break
      }
      case 3: {
        const key = this.nearMiss()
        this.what.push(`near miss ${JSON.stringify(key)}`)
        put(this.pair(key, this.chance(0.5) ? '1' : this.pick(this.patternIds)))
        break
      }
      case 4: {
        const id = this.pick([...this.patternIds, ...this.catalog.presets.map((p) => p.id)])
        this.what.push(`id as key ${id}`)
        put(this.pair(id, this.chance(0.5) ? null : '1'))
        break
      }
      case 5: {
        const spec = this.pick(numbers)
        const v = this.chance(0.7) ? this.boundary(spec) : this.pick(ODD_NUMBERS)
        this.what.push(`number ${spec.key}=${v}`)
        put(this.pair(spec.key, v))
        break
      }
      case 6: {
        const key = this.chance(0.7) ? this.pick(specs).key : this.pick(['p', 'preset', 'v', this.nearMiss()])
        const times = this.pick([2, 3, 10, 500, 2000])
        const same = this.chance(0.5)
        const bare = this.chance(0.3)
        this.what.push(`${key} ×${times}`)
        for (let i = 0; i < times; i++) put(bare ? this.pair(key, null) : this.pair(key, same ? '1' : String(i)))
        break
      }
      case 7: {
        const m = this.markupText()
        const inKey = this.chance(0.3)
        this.what.push(`markup in ${inKey ? 'key' : 'value'}`)
        put(inKey ? this.pair(m, '1') : this.pair(this.pick([...specs.map((s) => s.key), 'p', 'preset', 'v']), m))
        break
      }
      case 8: {
        const len = this.pick([100, 1000, 7000, 7990, 100_000])
        const unit = this.pick(['a', '9', '<b>', '%41', 'あ', '𝐀'])
        const v = unit.repeat(Math.ceil(len / unit.length)).slice(0, len)
        const inKey = this.chance(0.2)
        this.what.push(`long ${inKey ? 'key' : 'value'} ${len}`)
        parts.splice(at(), 0, inKey ? `${v}=1` : `${this.pick(specs).key}=${v}`)
        break
      }
      case 9: {
        const e = this.pick(BROKEN_ESCAPES)
        this.what.push(`broken escape ${e}`)
        const key = this.pick([...specs.map((s) => s.key), 'p', 'preset'])
        put(this.pick([`${key}=${e}`, `${e}=1`, `${key}=1${e}`, `${key}${e}=1`, e]))
        break
      }
      case 10: {
        const s = this.pick(['&&&', '=', '==', '=x', 'k', '?', '&=&', '+', '#', '%26', '?v=2', 'p==pool', 'n=1=2', '&&n', ';', 'p=pool;n=5'])
        this.what.push(`structure ${s}`)
        put(s)
        break
      }
      case 11: {
        const { m, s } = this.pick(lists)
        this.what.push(`list ${m.id}.${s.key}`)
        if (this.chance(0.6)) put(this.pair('p', m.id))
        put(`${s.key}=${enc(this.hostileList(s)).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}`)
        break
      }
      case 12: {
        const v = this.pick(['1', '3', '0', 'garbage', '', '2.0', '02', ' 2', 'valueOf', '1e0', '-2', '２'])
        this.what.push(`version ${JSON.stringify(v)}`)
        put(this.pair('v', v))
        break
      }
      case 13: {
        const preset = this.pick(this.catalog.presets)
        const p = this.chance(0.5) ? preset.pattern : this.pick(this.patternIds)
        this.what.push(`preset ${preset.id} with p=${p}`)
        put(this.pair('preset', preset.id))
        put(this.pair('p', p))
        break
      }
      case 14: {
        const id = this.pick([...this.catalog.presets.map((p) => p.id + 'x'), 'no-such-preset', '', this.pick(INHERITED_NAMES)])
        this.what.push(`unknown preset ${id}`)
        put(this.pair('preset', id))
        break
      }
      case 15: {
        const t = this.pick(ODD_TEXT)
        const inKey = this.chance(0.4)
        this.what.push('odd text')
        put(inKey ? this.pair(t, '1') : this.pair(this.pick(specs).key, t))
        break
      }
      default: {
        const n = MAX_LINK_CHARS + this.pick([1, 10, 1000, 100_000])
        this.what.push(`over-long ${n}`)
        put(`${this.pick(specs).key}=${'1'.repeat(n)}`)
      }
    }
  }
}

/** The i-th link of a seed's sequence: the same on every machine. */
export function hostileLinks(catalog: HostileCatalog, seed: number, count: number): HostileLink[] {
  const rnd = mulberry32(seed)
  const out: HostileLink[] = []
  for (let i = 0; i < count; i++) {
    const g = new Gen(rnd, catalog)
    const parts = g.base()
    const mutations = g.pick([0, 1, 1, 1, 2, 2, 3, 4])
    for (let m = 0; m < mutations; m++) g.mutate(parts)
    if (mutations === 0) g.what.push('no change')
    out.push({ query: parts.join('&'), what: g.what, markup: g.markup })
  }
  return out
}

/**
 * Links the tester reported, and the like: every inherited name as key and as value, repeated keys,
 * hex, an over-long link. Deterministic; the generated links come on top.
 */
export function reportedLinks(): string[] {
  const out: string[] = []
  for (const name of INHERITED_NAMES) {
    out.push(`${name}=1`, name, `v=2&${name}=${name}`, `p=${name}`, `preset=${name}`, `pattern=${name}`, `v=1&pattern=${name}&${name}=${name}`, `kind=${name}`, `v=${name}`)
  }
  out.push(
    Array.from({ length: 500 }, (_, i) => `n=${i + 1}`).join('&'),
    Array.from({ length: 500 }, (_, i) => `k${i}=1&k${i}=2`).join('&'),
    'n=0x10', 'v=2&p=pool&n=0x10&d=1_000&pool=%EF%BC%91%EF%BC%92', 'n=1e309', 'jitter=-0&variation=uniform',
    `p=${enc(MARKUP[0])}`, `v=2&${enc(MARKUP[1])}=1`, '%E0%A4%A', '%', '&&&', 'n',
    `n=${'9'.repeat(MAX_LINK_CHARS + 100)}`,
  )
  return out
}
