import { describe, expect, it } from 'vitest'
import { checkNumber, type NumberSpec } from './params'

const ITEMS: NumberSpec = { type: 'number', key: 'n', label: 'Items N', unit: 'jobs', min: 1, max: 10_000, default: 100, integer: true, log: true }

describe('a number typed into a settings box is checked as a link would be', () => {
  it('too large for a double ("1e309" is Infinity) is above the maximum: clamped, with a notice', () => {
    expect(checkNumber(ITEMS, Number('1e309'), 100)).toEqual({ value: 10_000, notice: 'Items N: a number above the maximum, used 10,000 (range 1–10,000 jobs)' })
    expect(checkNumber(ITEMS, -Infinity, 100).value).toBe(1)
  })

  it('not a number keeps the value it had', () => {
    expect(checkNumber(ITEMS, NaN, 250)).toMatchObject({ value: 250 })
    expect(checkNumber(ITEMS, NaN, 250).notice).toContain('not a number')
  })
})
