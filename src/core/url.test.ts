import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, type Scenario } from './scenario'
import { decodeScenario, encodeScenario } from './url'

describe('URL codec', () => {
  it('round-trips every setting', () => {
    const s: Scenario = {
      pattern: 'batches', n: 250, d: 2000, variation: 'everyk', jitter: 30, straggler: 900, every: 7, slow: 333,
      kind: 'mixed', cpuShare: 25, pool: 64, batch: 3, buffer: 0, threads: 4, timeScale: 0.1, seed: 123456,
    }
    expect(decodeScenario(encodeScenario(s))).toEqual({ scenario: s, notices: [] })
  })

  it('writes the version and threads=auto', () => {
    const q = encodeScenario(DEFAULT_SCENARIO)
    expect(q.startsWith('v=1&')).toBe(true)
    expect(q).toContain('threads=auto')
  })

  it('an empty query is the default scenario without notices', () => {
    expect(decodeScenario('')).toEqual({ scenario: DEFAULT_SCENARIO, notices: [] })
    expect(decodeScenario('?')).toEqual({ scenario: DEFAULT_SCENARIO, notices: [] })
  })

  it('missing keys take defaults; a partial link is fine', () => {
    const { scenario, notices } = decodeScenario('?pattern=sequential&n=20')
    expect(scenario).toEqual({ ...DEFAULT_SCENARIO, pattern: 'sequential', n: 20 })
    expect(notices).toEqual([])
  })

  it('clamps out-of-range numbers and says so', () => {
    const { scenario, notices } = decodeScenario('n=999999&pool=0&timeScale=0.0001')
    expect(scenario.n).toBe(10_000)
    expect(scenario.pool).toBe(1)
    expect(scenario.timeScale).toBe(0.01)
    expect(notices).toHaveLength(3)
    expect(notices[0]).toMatch(/Items N: 999,999 is above the maximum, used 10,000/)
  })

  it('rounds fractional counts and says so', () => {
    const { scenario, notices } = decodeScenario('pool=2.6')
    expect(scenario.pool).toBe(3)
    expect(notices[0]).toMatch(/not a whole number, used 3/)
  })

  it('keeps the default for garbage and names the bad value', () => {
    const { scenario, notices } = decodeScenario('d=fifty&pattern=magic&kind=&seed=NaN')
    expect(scenario.d).toBe(DEFAULT_SCENARIO.d)
    expect(scenario.pattern).toBe(DEFAULT_SCENARIO.pattern)
    expect(scenario.kind).toBe(DEFAULT_SCENARIO.kind)
    expect(notices).toHaveLength(4)
    expect(notices[0]).toMatch(/"fifty" is not a number/)
    expect(notices[1]).toMatch(/pattern: "magic" is not one of sequential, unbounded, batches, pool/)
  })

  it('ignores unknown keys, duplicate keys and unknown versions with a notice', () => {
    const { scenario, notices } = decodeScenario('v=9&foo=1&n=5&n=6')
    expect(scenario.n).toBe(5)
    expect(notices).toHaveLength(3)
  })

  it('never throws on hostile input', () => {
    for (const q of ['%', '%%%&&==', '?n=%E0%A4%A', 'n=1e400', 'n=-Infinity', 'x'.repeat(5000), '=&=&=']) {
      const { scenario } = decodeScenario(q)
      expect(Number.isFinite(scenario.n)).toBe(true)
    }
  })
})
