import { describe, expect, it } from 'vitest'
import { REGISTRY } from './registry'
import { scenarioOf } from './testkit'
import { createRng } from '../core/rng'
import { defaultScenario, presetScenario } from '../core/scenario'
import { DEFAULT_SHARED } from '../core/shared'
import { MAX_NOTICES, decodeScenario, encodeScenario } from '../core/url'

const decode = (q: string) => decodeScenario(REGISTRY, q)
const encode = (s: Parameters<typeof encodeScenario>[1], preset: string | null = null) => encodeScenario(REGISTRY, s, preset)

describe('link version 2', () => {
  it('writes only what differs from the pattern’s defaults', () => {
    expect(encode(defaultScenario(REGISTRY))).toBe('v=2&p=pool')
    expect(encode(scenarioOf('batches', { n: 37, kind: 'cpu' }, { batch: 6 }))).toBe('v=2&p=batches&n=37&kind=cpu&batch=6')
    expect(encode(scenarioOf('pool', { threads: 0 }, { buffer: 0 }))).toBe('v=2&p=pool&buffer=0')
  })

  it('round-trips every shared setting and every parameter of every pattern', () => {
    const rng = createRng(7)
    for (const mod of REGISTRY.modules) {
      for (let trial = 0; trial < 5; trial++) {
        const s = scenarioOf(mod.id, {
          n: 1 + rng.int(500), d: 1 + rng.int(900), variation: 'uniform', jitter: rng.int(100), kind: 'mixed', cpuShare: rng.int(100),
          threads: rng.int(33), timeScale: 0.5, seed: rng.int(1e9),
        })
        const back = decode('?' + encode(s))
        expect(back.notices).toEqual([])
        expect(back.scenario).toEqual(s)
      }
    }
  })

  it('an empty query is the default scenario without notices', () => {
    expect(decode('')).toEqual({ scenario: defaultScenario(REGISTRY), presetId: null, remembered: new Map(), notices: [] })
  })

  it('threads=auto is 0, and 0 is written as auto', () => {
    expect(decode('?v=2&p=pool&threads=auto').scenario.shared.threads).toBe(0)
    expect(encode(scenarioOf('pool', { threads: 4 }))).toContain('threads=4')
  })
})

describe('presets in links', () => {
  it('?preset=<id> opens the preset; the link stays relative to it', () => {
    const d = decode('?preset=batch-vs-pool-stragglers')
    expect(d.notices).toEqual([])
    expect(d.presetId).toBe('batch-vs-pool-stragglers')
    expect(d.scenario).toEqual(presetScenario(REGISTRY, REGISTRY.preset('batch-vs-pool-stragglers')!))
    expect(encode(d.scenario, d.presetId)).toBe('v=2&preset=batch-vs-pool-stragglers')
    const changed = { ...d.scenario, params: { ...d.scenario.params, batch: 5 } }
    expect(encode(changed, d.presetId)).toBe('v=2&preset=batch-vs-pool-stragglers&batch=5')
    expect(decode('?' + encode(changed, d.presetId)).scenario).toEqual(changed)
  })

  it('every preset round-trips through its own short link', () => {
    for (const p of REGISTRY.presets) {
      const d = decode(`?preset=${p.id}`)
      expect(d.notices, p.id).toEqual([])
      expect(d.scenario.pattern).toBe(p.pattern)
    }
  })

  it('an unknown preset opens the default scenario with a notice', () => {
    const d = decode('?preset=no-such-thing')
    expect(d.scenario).toEqual(defaultScenario(REGISTRY))
    expect(d.notices.join(' ')).toContain('Preset "no-such-thing" is not known')
  })
})

describe('link version 1 keeps opening the scenario it always did', () => {
  it('each v1 key: pattern, n, d, variation, jitter, straggler, every, slow, kind, cpuShare, pool, batch, buffer, threads, timeScale, seed', () => {
    const d = decode('?v=1&pattern=pool&n=37&d=120&variation=uniform&jitter=30&straggler=700&every=5&slow=300&kind=mixed&cpuShare=30&pool=6&batch=4&buffer=2&threads=3&timeScale=0.5&seed=42')
    expect(d.notices).toEqual([])
    expect(d.scenario).toEqual({
      pattern: 'pool',
      shared: { n: 37, d: 120, variation: 'uniform', jitter: 30, straggler: 700, every: 5, slow: 300, kind: 'mixed', cpuShare: 30, threads: 3, timeScale: 0.5, seed: 42 },
      params: { pool: 6, buffer: 2 },
    })
    // the batch size belonged to the batches pattern: pressing 3 shows it
    expect(d.remembered.get('batches')).toEqual({ batch: 4 })
  })

  it('each v1 pattern opens as itself, with the other patterns’ settings remembered', () => {
    for (const pattern of ['sequential', 'unbounded', 'batches', 'pool']) {
      const d = decode(`?v=1&pattern=${pattern}&pool=5&batch=7&buffer=0`)
      expect(d.notices).toEqual([])
      expect(d.scenario.pattern).toBe(pattern)
      if (pattern === 'batches') expect(d.scenario.params).toEqual({ batch: 7 })
      else expect(d.remembered.get('batches')).toEqual({ batch: 7 })
      if (pattern === 'pool') expect(d.scenario.params).toEqual({ pool: 5, buffer: 0 })
      else expect(d.remembered.get('pool')).toEqual({ pool: 5, buffer: 0 })
    }
  })

  it('a v1 link without v= is read as v1; threads=auto still works', () => {
    const d = decode('?pattern=batches&batch=3&threads=auto')
    expect(d.notices).toEqual([])
    expect(d.scenario.pattern).toBe('batches')
    expect(d.scenario.params).toEqual({ batch: 3 })
    expect(d.scenario.shared.threads).toBe(0)
  })

  it('the v1 link the README documented opens with its defaults', () => {
    const d = decode('?v=1&pattern=pool&n=100&d=50&variation=none&jitter=50&straggler=500&every=10&slow=150&kind=io&cpuShare=50&pool=10&batch=10&buffer=10&threads=auto&timeScale=1&seed=1')
    expect(d.notices).toEqual([])
    expect(d.scenario).toEqual(defaultScenario(REGISTRY))
  })
})

describe('bad input gets the nearest valid value and a notice', () => {
  it('clamps out-of-range numbers and says so', () => {
    const d = decode('?v=2&p=pool&n=50000&pool=0&timeScale=99')
    expect(d.scenario.shared.n).toBe(10_000)
    expect(d.scenario.params.pool).toBe(1)
    expect(d.scenario.shared.timeScale).toBe(10)
    expect(d.notices.join(' ')).toContain('Items N: 50,000 is above the maximum, used 10,000')
  })

  it('rounds fractional counts and says so', () => {
    const d = decode('?v=2&p=pool&pool=2.6')
    expect(d.scenario.params.pool).toBe(3)
    expect(d.notices.join(' ')).toContain('not a whole number')
  })

  it('numbers must be plain decimals: hex, Infinity, blanks keep the value and say so', () => {
    for (const raw of ['0x10', 'Infinity', '', ' 5', '1_000', '0b11', 'NaN']) {
      const d = decode(`?v=2&p=pool&n=${encodeURIComponent(raw)}`)
      expect(d.scenario.shared.n, raw).toBe(DEFAULT_SHARED.n)
      expect(d.notices.join(' '), raw).toContain('is not a decimal number')
    }
  })

  it('an unknown pattern or choice keeps the default and names the bad value', () => {
    const d = decode('?v=2&p=warp&kind=quantum')
    expect(d.scenario.pattern).toBe('pool')
    expect(d.scenario.shared.kind).toBe('io')
    expect(d.notices.join(' ')).toContain('"warp" is not a known pattern')
    expect(d.notices.join(' ')).toContain('"quantum" is not one of io, cpu, mixed')
  })

  it('names every object inherits are plain unknown keys and unknown values', () => {
    for (const name of ['valueOf', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__', 'prototype']) {
      const asKey = decode(`?v=2&${name}=1`)
      expect(asKey.scenario, name).toEqual(defaultScenario(REGISTRY))
      expect(asKey.notices.join(' ')).toContain('ignored')
      const asValue = decode(`?v=2&p=${name}&preset=${name}&kind=${name}`)
      expect(asValue.scenario.pattern, name).toBe('pool')
      expect(asValue.scenario.shared.kind).toBe('io')
      const v1 = decode(`?v=1&pattern=${name}&${name}=${name}`)
      expect(v1.scenario.pattern).toBe('pool')
    }
  })

  it('repeated keys use the first value; hundreds of them give one short notice', () => {
    const d = decode('?' + Array.from({ length: 500 }, (_, i) => `n=${i + 1}`).join('&'))
    expect(d.scenario.shared.n).toBe(1)
    expect(d.notices).toHaveLength(1)
    expect(d.notices[0]).toContain('"n" appears more than once')
    const many = decode('?' + Array.from({ length: 500 }, (_, i) => `k${i}=1&k${i}=2`).join('&'))
    expect(many.notices.join(' ').length).toBeLessThan(400)
  })

  it('the number of notices is bounded however bad the link', () => {
    const d = decode('?v=9&p=pool&' + ['n', 'd', 'jitter', 'straggler', 'every', 'slow', 'cpuShare', 'threads', 'timeScale', 'seed', 'pool', 'buffer'].map((k) => `${k}=x`).join('&'))
    expect(d.notices.length).toBe(MAX_NOTICES + 1)
    expect(d.notices[MAX_NOTICES]).toMatch(/more changes/)
  })

  it('long values and markup are cut short in notices', () => {
    const d = decode(`?v=2&p=${'<img src=x onerror=alert(1)>'.repeat(40)}`)
    expect(d.notices.join(' ').length).toBeLessThan(200)
  })

  it('a stage list of the wrong length, 0 workers and a buffer of −1 get the nearest valid pipeline', () => {
    const d = decode('?v=2&p=pipeline&stages=Parse:0:10:-1')
    const stages = d.scenario.params.stages as { name: string; workers: number; buffer: number }[]
    expect(stages).toHaveLength(2) // at least two stages
    expect(stages[0]).toMatchObject({ name: 'Parse', workers: 1, buffer: 0 })
    const text = d.notices.join(' ')
    expect(text).toContain('Workers: 0 is below the minimum, used 1')
    expect(text).toContain('Out buf: -1 is below the minimum, used 0')
    expect(text).toContain('needs at least 2; added default entries')
    const long = decode('?v=2&p=pipeline&stages=' + Array.from({ length: 9 }, (_, i) => `S${i}:1:1:1:io:0`).join(','))
    expect((long.scenario.params.stages as unknown[]).length).toBe(6)
    expect(long.notices.join(' ')).toContain('9 entries, at most 6; kept the first 6')
  })

  it('stage and call names are cleaned of markup and cut to length', () => {
    const d = decode(`?v=2&p=fanout&tasks=${encodeURIComponent('<b>x</b>')}:100,${'a'.repeat(60)}:5`)
    const tasks = d.scenario.params.tasks as { name: string }[]
    expect(tasks[0].name).toBe('bxb')
    expect(tasks[1].name.length).toBe(20)
    expect(d.notices.length).toBeGreaterThan(0)
  })

  it('a dependency graph with a cycle or an unknown call is repaired with a notice', () => {
    const d = decode('?v=2&p=dag&tasks=A:10:1:B,B:10:1:A/Nope&mode=dag')
    const tasks = d.scenario.params.tasks as { after: string }[]
    // the dependency that closes the cycle first, in list order, goes: A no longer waits for B
    expect(tasks.map((t) => t.after)).toEqual(['', 'A'])
    expect(d.notices.join(' ')).toContain('"B" cannot wait for "Nope" (no such call)')
    expect(d.notices.join(' ')).toContain('"A" waiting for "B" would be a cycle')
  })

  it('-0 reads as 0 (it is written "0" and must read back the same)', () => {
    const d = decode('?v=2&p=pool&variation=uniform&jitter=-0')
    expect(Object.is(d.scenario.shared.jitter, 0)).toBe(true)
    expect(d.notices).toEqual([])
  })

  it('a decimal too large for a number (1e309) is above the maximum, and a huge one is quoted short', () => {
    const d = decode('?v=2&p=pool&n=1e309&d=-1e309&pool=1e300')
    expect(d.scenario.shared.n).toBe(10_000)
    expect(d.scenario.shared.d).toBe(1)
    expect(d.scenario.params.pool).toBe(256)
    expect(d.notices.join(' ')).toContain('Items N: "1e309" is above the maximum, used 10,000')
    expect(d.notices.join(' ')).toContain('Duration d: "-1e309" is below the minimum, used 1')
    expect(d.notices.join(' ')).toContain('Pool size P: 1.000e+300 is above the maximum')
  })

  it('a name cut at its length never ends in a space or in half a character', () => {
    const spaced = decode(`?v=2&p=fanout&tasks=${encodeURIComponent('abcdefghijklmnopqrs tuv')}:5`)
    expect((spaced.scenario.params.tasks as { name: string }[])[0].name).toBe('abcdefghijklmnopqrs')
    const astral = decode(`?v=2&p=fanout&tasks=${encodeURIComponent('a' + '𝐀'.repeat(12))}:5`)
    expect((astral.scenario.params.tasks as { name: string }[])[0].name).toBe('a' + '𝐀'.repeat(4)) // 12 characters each in a link
    for (const d of [spaced, astral]) expect(decode('?' + encode(d.scenario)).notices).toEqual([])
  })

  it('a name of letters a link spells out with escapes is shorter: no list of names makes a link too long to read', () => {
    const d = decode(`?v=2&p=fanout&tasks=${encodeURIComponent('あ'.repeat(20))}:5,${encodeURIComponent('é'.repeat(20))}:5,${'#'.repeat(20)}:5`)
    expect((d.scenario.params.tasks as { name: string }[]).map((t) => t.name)).toEqual(['あ'.repeat(6), 'é'.repeat(10), '#'.repeat(20)])
  })

  it('a list’s notice names two of its items’ problems and counts the rest', () => {
    const d = decode('?v=2&p=pipeline&stages=' + Array.from({ length: 6 }, () => 'x:a:b:c:d:e:f:g').join(','))
    const text = d.notices.join(' ')
    expect(text).toContain('Stages 1: Workers: "a" is not a decimal number, kept 1; Stages 1: Cost: "b" is not a decimal number, kept 10; and 34 more in Stages.')
  })

  it('a second "?" is part of the first key, not a way round it', () => {
    const d = decode('??v=2&p=batches')
    expect(d.scenario.pattern).toBe('batches')
    expect(d.notices.join(' ')).toContain('Unknown setting "?v" ignored')
  })

  it('unknown link versions are read as version 2 with a notice', () => {
    expect(decode('?v=7&p=batches').notices.join(' ')).toContain('Link version "7" is not known')
  })

  it('never throws on hostile input', () => {
    const rng = createRng(99)
    const alphabet = '?&=%#+,:/ abcxyz0123456789.-_\u0000\u00e9\ud83d\ude00vpnd'
    for (let i = 0; i < 500; i++) {
      const q = Array.from({ length: rng.int(80) }, () => alphabet[rng.int(alphabet.length)]).join('')
      const d = decode(q)
      expect(REGISTRY.pattern(d.scenario.pattern)).toBeDefined()
    }
  })
})
