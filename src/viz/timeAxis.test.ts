import { describe, expect, it } from 'vitest'
import { makeAxis } from './asciiText'
import { timeTicks } from './timeAxis'

describe('timeTicks', () => {
  it('axis ticks are round in their unit and their labels do not touch, however far the times of a file reach', () => {
    for (const [max, px] of [[500, 900], [5000, 900], [7_200_000, 900], [5e11, 900], [5e11, 300], [1e12, 760]] as const) {
      const { values, format } = timeTicks(0, max, px)
      expect(values.length, `${max}`).toBeGreaterThanOrEqual(2)
      const labels = values.map(format)
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length)
      // about 8 px a character and a gap between neighbours
      expect(px / values.length, labels.join(' ')).toBeGreaterThanOrEqual(Math.max(...labels.map((l) => l.length)) * 8 + 16)
    }
    expect(timeTicks(0, 5e11, 900).format(86_400_000 * 1000)).toBe('1,000 d')
    expect(timeTicks(0, 5e11, 900).values.every((v) => Number.isInteger(v / 86_400_000))).toBe(true)
  })

  it('a window late in a long run ticks in the unit of its span, each label its own', () => {
    // a run until Stop shows its last 20 s; two hours in, the ticks are seconds, not "2 h" five times
    const { values, format } = timeTicks(7_200_000, 7_220_000, 900)
    const labels = values.map(format)
    expect(labels.length).toBeGreaterThanOrEqual(3)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels.every((l) => l.endsWith(' s'))).toBe(true)
  })

  it("a projector's larger labels get fewer ticks", () => {
    expect(timeTicks(0, 5e11, 600, 110, 14).values.length).toBeLessThan(timeTicks(0, 5e11, 600, 110, 8).values.length)
  })
})

describe('the ASCII axis', () => {
  it('ticks a 12.5 s run every 2.5 s, and a run of years at whole days', () => {
    expect(makeAxis(12_500, 10, 100).lines[0]).toMatch(/0 s +2\.5 s +5 s +7\.5 s +10 s +12\.5 s/)
    const days = makeAxis(5e11, 10, 100).lines[0].trim().split(/ {2,}/)
    expect(days.length).toBeGreaterThanOrEqual(3)
    expect(days.every((l) => /^[\d,]+ d$/.test(l))).toBe(true)
  })
})
