import { describe, expect, it } from 'vitest'
import { formatMs, tickFormatter } from './format'

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
  })

  it('ticks use one unit per axis', () => {
    expect(tickFormatter(500)(250)).toBe('250 ms')
    expect(tickFormatter(5000)(2500)).toBe('2.5 s')
  })
})
