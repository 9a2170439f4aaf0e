import { describe, expect, it } from 'vitest'
import { checkClaim } from '../core/claims'
import { compareLabel, compareScenario, presetScenario, type Claim, type Preset } from '../core/scenario'
import { deckOf } from './deck'
import { PROGRAMS } from './programs'
import { REGISTRY } from './registry'
import { planTrace } from './theory'

describe('the deck follows the talk', () => {
  const deck = deckOf(REGISTRY)
  it('every preset is a scene, once', () => {
    expect(deck.map((p) => p.id).toSorted()).toEqual(REGISTRY.presets.map((p) => p.id).toSorted())
  })
  it('the talk’s own diagrams come first, in their order: the opener, fan-out, stragglers, deploy', () => {
    expect(deck.slice(0, 9).map((p) => p.id)).toEqual([
      'opener-seq-unbounded-pool', 'opener-tiny', 'fanout-fanin-dashboard', 'fanout-microservices', 'fanout-1000-tasks',
      'batch-vs-pool-stragglers', 'batch-vs-pool-jitter', 'batch-vs-pool-every10th', 'deploy-50-clusters',
    ])
    const ranks = deck.filter((p) => p.rank !== undefined).map((p) => p.rank as number)
    expect(ranks).toEqual(ranks.toSorted((a, b) => a - b))
  })
})

/** Every module's claims (claims.ts), loaded as the page loads them, by preset id. */
const CLAIMS = new Map<string, readonly Claim[]>()
for (const m of REGISTRY.modules) for (const [id, claims] of Object.entries((await m.claims?.()) ?? {})) CLAIMS.set(id, claims)
const claimsOf = (p: Preset): readonly Claim[] => CLAIMS.get(p.id) ?? []

/** Every run a preset's claims can be about: its own (named by its pattern) and each compared run. */
async function makespans(p: Preset): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const own = await planTrace(PROGRAMS, presetScenario(REGISTRY, p), 2)
  out.set(p.pattern, own.endT / own.timeScale)
  for (const c of p.compare ?? []) {
    const tr = await planTrace(PROGRAMS, compareScenario(REGISTRY, p, c), 2)
    out.set(compareLabel(c), tr.endT / tr.timeScale)
  }
  return out
}

describe('the talk’s claims are held to the theory, never typed in', () => {
  const verdicts: Record<string, string[]> = {
    'opener-seq-unbounded-pool': ['exact', 'exact', 'exact', 'claim', 'claim'],
    'opener-tiny': ['exact', 'exact', 'exact', 'claim'],
    'fanout-fanin-dashboard': ['exact', 'exact', 'rounded'],
    'fanout-microservices': ['exact', 'exact', 'exact'],
    'fanout-1000-tasks': ['exact', 'exact', 'exact'],
    'batch-vs-pool-stragglers': ['wrong'],
    'deploy-50-clusters': ['exact', 'exact', 'exact'],
    'barrier-vs-dag': ['wrong', 'wrong', 'rounded'],
    'rest-enrich': ['exact', 'exact', 'rounded'],
    'pipeline-bottleneck': ['note', 'exact', 'wrong'],
    'bursty-buffer-backpressure': ['note'],
    'event-generator-backpressure': ['claim', 'note'],
    'cpu-bound-cores': ['note'],
  }
  for (const [id, expected] of Object.entries(verdicts)) {
    it(`${id}: ${expected.join(', ')}`, async () => {
      const p = REGISTRY.preset(id) as Preset
      const ms = await makespans(p)
      const checks = claimsOf(p).map((c) => checkClaim(c, p.pattern, ms))
      expect(checks.map((c) => c.verdict)).toEqual(expected)
    })
  }

  it('where the talk is wrong it says by how much: two phases are 350 ms, not about 380 (8.6 % high)', async () => {
    const p = REGISTRY.preset('barrier-vs-dag') as Preset
    const [phases] = claimsOf(p).map((c) => checkClaim(c, p.pattern, new Map()))
    expect(phases.verdict).toBe('note') // nothing computed yet: no verdict is made up
    const ms = await makespans(p)
    const done = claimsOf(p).map((c) => checkClaim(c, p.pattern, ms))
    expect(done[0].theory).toBe(350)
    expect(done[0].text).toContain('the talk is 8.6 % too high')
    expect(done[1].theory).toBe(750)
    expect(done[1].text).toContain('13 % too high')
  })

  it('a measured run of the same scenario is reported beside the theory', async () => {
    const p = REGISTRY.preset('fanout-fanin-dashboard') as Preset
    const ms = await makespans(p)
    const c = checkClaim(claimsOf(p)[1], p.pattern, ms, new Map([[p.pattern, 302.5]]))
    expect(c.measured).toBe(302.5)
    expect(c.theory).toBe(300)
  })

  it('every module’s claims.ts names only presets of that module', async () => {
    for (const m of REGISTRY.modules) {
      const own = new Set(m.presets.map((p) => p.id))
      expect(Object.keys((await m.claims?.()) ?? {}).filter((id) => !own.has(id)), m.id).toEqual([])
    }
    // and every preset with claims has its verdicts above
    expect([...CLAIMS.keys()].toSorted()).toEqual(Object.keys(verdicts).toSorted())
  })

  it('every claim with a number names a run the preset has', () => {
    for (const p of REGISTRY.presets) {
      const names = new Set([p.pattern, ...(p.compare ?? []).map(compareLabel)])
      for (const c of claimsOf(p)) {
        if (!c.of) continue
        const refs = c.of === 'makespan' ? [p.pattern] : c.of.startsWith('makespan:') ? [c.of.slice(9)] : c.of.slice(c.of.indexOf(':') + 1).split('/')
        expect(['makespan', 'ratio', 'saving'], `${p.id}: ${c.of}`).toContain(c.of.split(':')[0])
        for (const r of refs) expect(names.has(r), `${p.id}: ${c.of}`).toBe(true)
      }
    }
  })
})

describe('a claim of time saved', () => {
  it('is the share of the first run\'s time the second saves, written as the talk writes it', () => {
    const ms = new Map([
      ['sequential', 350],
      ['dag', 250],
    ])
    const c = checkClaim({ says: '29 % faster', value: 0.29, of: 'saving:sequential/dag', unit: '%' }, 'dag', ms)
    expect(c.theory).toBeCloseTo(100 / 350)
    expect(c.verdict).toBe('rounded')
    expect(c.text).toMatch(/^the theory gives 28\.6 %: the talk rounds it/)
  })
})
