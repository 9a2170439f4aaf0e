import { describe, expect, it } from 'vitest'
import { formatFactor, formatMs, tickFormatter } from './format'

describe('formatMs', () => {
  it('picks a unit a reader can take in at a glance', () => {
    expect(formatMs(0)).toBe('0 ms')
    expect(formatMs(503.4)).toBe('503 ms')
    expect(formatMs(0.25)).toBe('0.25 ms')
    expect(formatMs(1500)).toBe('1.5 s')
    expect(formatMs(5000)).toBe('5 s')
    expect(formatMs(100_000)).toBe('100 s')
    expect(formatMs(500_000)).toBe('8 m 20 s')
    expect(formatMs(50_000_000)).toBe('13 h 53 m')
    expect(formatMs(NaN)).toBe('—')
    expect(formatMs(-1500)).toBe('-1.5 s')
  })

  it('never says 60 of a smaller unit, and says days for times a file may carry', () => {
    expect(formatMs(179_900)).toBe('3 m 0 s')
    expect(formatMs(3 * 3_600_000 - 10_000)).toBe('3 h 0 m')
    expect(formatMs(5e11)).toBe('5,787 d 1 h')
    expect(formatMs(2 * 86_400_000 - 1)).toBe('48 h 0 m')
  })

  it('ticks use one unit per axis', () => {
    expect(tickFormatter(500)(250)).toBe('250 ms')
    expect(tickFormatter(5000)(2500)).toBe('2.5 s')
    expect(tickFormatter(3_600_000)(3_600_000)).toBe('3,600 s')
    expect(tickFormatter(5e11)(86_400_000 * 1000)).toBe('1,000 d')
  })
})

describe('formatFactor', () => {
  it('fits a card however far off the factor is', () => {
    expect(formatFactor(1.0964, 3)).toBe('1.096')
    expect(formatFactor(94, 1)).toBe('94.0')
    expect(formatFactor(12_345.6, 3)).toBe('12,346')
    expect(formatFactor(5_000_000_001.01, 3)).toBe('5.0e9')
    expect(formatFactor(2e-10, 1)).toBe('<0.1')
    expect(formatFactor(0, 1)).toBe('0.0')
    expect(formatFactor(NaN, 1)).toBe('—')
  })
})
