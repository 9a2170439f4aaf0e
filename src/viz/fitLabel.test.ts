import { describe, expect, it } from 'vitest'
import { fitLabel } from './svgLanes'

describe('fitLabel', () => {
  it('keeps a label that fits as it is', () => {
    expect(fitLabel('worker 1', 18, 200, 0.6)).toEqual({ text: 'worker 1', px: 18 })
  })

  it('shrinks a label that does not fit, down to 11 px, before cutting it', () => {
    // "★ Payment": 9 chars × 0.64 em × 18 px = 104 px, in 90 px of room
    const fit = fitLabel('★ Payment', 18, 90, 0.64)
    expect(fit.text).toBe('★ Payment')
    expect(fit.px).toBeLessThan(18)
    expect(fit.px).toBeGreaterThanOrEqual(11)
    expect(fit.text.length * 0.64 * fit.px).toBeLessThanOrEqual(90)
  })

  it('cuts a label too long even at 11 px, with an ellipsis, within its room', () => {
    const fit = fitLabel('a very long goroutine name indeed', 18, 60, 0.6)
    expect(fit.px).toBe(11)
    expect(fit.text.endsWith('…')).toBe(true)
    expect(fit.text.length * 0.6 * fit.px).toBeLessThanOrEqual(60)
  })

  it('in projector mode shrinks no further than its floor (24 px), and cuts instead', () => {
    const fit = fitLabel('Transform 4', 26, 136, 0.58, 24)
    expect(fit.px).toBe(24)
    expect(fit.text.endsWith('…')).toBe(true)
    expect(fit.text.length * 0.58 * fit.px).toBeLessThanOrEqual(136)
  })
})
