import { describe, expect, it } from 'vitest'
import { EXAMPLES } from './examples'
import { DEFAULT_SCENARIO, PATTERNS, type PatternId, type Scenario } from './scenario'
import { planScenario } from './theory'
import { decodeScenario, encodeScenario } from './url'

const theory = (id: string, pattern: PatternId) => {
  const ex = EXAMPLES.find((e) => e.id === id)
  if (!ex) throw new Error(id)
  const s: Scenario = { ...DEFAULT_SCENARIO, ...ex.settings, pattern }
  return planScenario(s, s.threads || 2).theory.makespan
}
const all = (id: string) => PATTERNS.map((p) => theory(id, p))

describe('examples reproduce the talk’s numbers (SCENARIOS.md)', () => {
  it('opener: sequential 5000, unbounded 50, batches 500, pool 500 ms', () => {
    expect(all('opener')).toEqual([5000, 50, 500, 500])
  })
  it('tiny opener: 500, 100, 200, 200 ms', () => {
    expect(all('tiny')).toEqual([500, 100, 200, 200])
  })
  it('straggler: batches 950 vs pool 550 ms', () => {
    expect([theory('straggler', 'batches'), theory('straggler', 'pool')]).toEqual([950, 550])
  })
  it('every 10th slow: batches 1500 vs pool 650 ms', () => {
    expect([theory('every10', 'batches'), theory('every10', 'pool')]).toEqual([1500, 650])
  })
  it('jitter U(25, 75): batches wait for each batch’s slowest, so batches > pool', () => {
    expect(theory('jitter', 'batches')).toBeGreaterThan(theory('jitter', 'pool'))
  })
  it('deploy 50 clusters × 2 s: sequential 100 s, batches of 10 take 10 s', () => {
    expect([theory('deploy', 'sequential'), theory('deploy', 'batches')]).toEqual([100_000, 10_000])
  })
  it('cpu-bound 8 × 100 ms on T = 2: 400 ms whether P is 8 or 2', () => {
    expect(theory('cores', 'pool')).toBe(400)
  })
  it('every example survives the URL codec unchanged', () => {
    for (const ex of EXAMPLES) {
      const s = { ...DEFAULT_SCENARIO, ...ex.settings }
      expect(decodeScenario(encodeScenario(s))).toEqual({ scenario: s, notices: [] })
    }
  })
})
