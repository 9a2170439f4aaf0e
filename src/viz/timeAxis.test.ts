import { describe, expect, it } from 'vitest'
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
})
