import { describe, expect, it } from 'vitest'
import { State } from '../core/events'
import { contrast, deltaE2000, deltaE2000Lab, over, parseHex, simulate, toHex, type Deficiency } from './colorMath'
import { AXIS_COLOR, BARRIER_COLOR, BAR_TEXT_COLOR, CURSOR_COLOR, FAIL_COLOR, HATCHED, HIGHLIGHT_COLOR, LEGEND, PANEL_COLOR, STATE_COLOR } from './palette'

/**
 * The smallest CIEDE2000 difference allowed between two state fills, for every kind of vision.
 * About 1–2 is just noticeable between large patches side by side; marks in a chart (bars a few px
 * tall, seen apart, named from a legend) need several times that (Szafir 2018, "Modeling color
 * difference for visualization design"; Stone et al. 2014), and the Tableau/ColorBrewer categorical
 * palettes keep ~15 and more between neighbours. 15 is where the old palette's running and
 * blocked-on-receive (3.1 under protanopia, 5.7 under deuteranopia) read as one colour and the new
 * one does not.
 */
const MIN_DELTA_E = 15
/** Between two hatched states the stripes differ only by colour: their drawn mix must still differ. */
const MIN_DELTA_E_DRAWN = 10

const DEFICIENCIES: Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia']
const states = LEGEND.map((l) => l.state)
const name = (s: number) => LEGEND.find((l) => l.state === s)?.label ?? String(s)

function pairs<T>(xs: readonly T[]): [T, T][] {
  return xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b] as [T, T]))
}

/** Smallest ΔE between the states' colours as `see` renders them, with the pair. */
function smallest(colour: (s: number) => string, see: (hex: string) => string): { de: number; pair: string } {
  let best = { de: Infinity, pair: '' }
  for (const [a, b] of pairs(states)) {
    const de = deltaE2000(see(colour(a)), see(colour(b)))
    if (de < best.de) best = { de, pair: `${name(a)} / ${name(b)}` }
  }
  return best
}

/** A hatched fill as the eye averages it: stripes (2.5 of 6 px) over a 28 % tint, on the panel. */
function drawn(s: number): string {
  const c = STATE_COLOR[s]
  return HATCHED.has(s) ? toHex(over(c, 2.5 / 6, over(c, 0.28, PANEL_COLOR))) : c
}

describe('colorMath', () => {
  it('contrast follows WCAG 2.x: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6)
    expect(contrast('#777777', '#777777')).toBe(1)
    expect(contrast('#ffffff', '#0d9488')).toBeCloseTo(3.74, 2) // the old io teal under white labels
  })

  it('deltaE2000 matches Sharma, Wu & Dalal’s test data', () => {
    expect(deltaE2000Lab([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3)
    expect(deltaE2000Lab([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 3)
    expect(deltaE2000Lab([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 3)
  })

  it('the Machado matrices keep greys grey (rows sum to 1) and fold red onto green for a deuteranope', () => {
    for (const d of DEFICIENCIES) {
      const grey = simulate('#808080', d)
      for (const c of grey) expect(c).toBeCloseTo(parseHex('#808080')[0], 2)
    }
    expect(deltaE2000(simulate('#ff0000', 'deuteranopia'), simulate('#00ff00', 'deuteranopia'))).toBeLessThan(deltaE2000('#ff0000', '#00ff00') / 2)
  })
})

describe('palette', () => {
  it(`every pair of the legend's state fills differs by ΔE2000 ≥ ${MIN_DELTA_E} for normal vision and under protanopia, deuteranopia and tritanopia`, () => {
    const seen = { normal: smallest((s) => STATE_COLOR[s], (c) => c) } as Record<string, { de: number; pair: string }>
    for (const d of DEFICIENCIES) seen[d] = smallest((s) => STATE_COLOR[s], (c) => toHex(simulate(c, d)))
    for (const [vision, { de, pair }] of Object.entries(seen)) expect(de, `${vision}: ${pair}`).toBeGreaterThanOrEqual(MIN_DELTA_E)
  })

  it(`hatched states still differ as drawn (stripes over a tint, averaged): ΔE2000 ≥ ${MIN_DELTA_E_DRAWN} under every simulation`, () => {
    const hatched = states.filter((s) => HATCHED.has(s))
    expect(hatched.length).toBeGreaterThanOrEqual(4)
    for (const d of [null, ...DEFICIENCIES]) {
      for (const [a, b] of pairs(hatched)) {
        const see = (c: string) => (d ? toHex(simulate(c, d)) : c)
        expect(deltaE2000(see(drawn(a)), see(drawn(b))), `${d ?? 'normal'}: ${name(a)} / ${name(b)}`).toBeGreaterThanOrEqual(MIN_DELTA_E_DRAWN)
      }
    }
  })

  it('white job labels on running and io bars have at least 4.5:1', () => {
    for (const s of [State.Running, State.Io]) expect(contrast(BAR_TEXT_COLOR, STATE_COLOR[s]), name(s)).toBeGreaterThanOrEqual(4.5)
  })

  it('every legend fill has at least 3:1 against the white panel (a graphical object, WCAG 1.4.11)', () => {
    for (const s of states) expect(contrast(STATE_COLOR[s], PANEL_COLOR), name(s)).toBeGreaterThanOrEqual(3)
  })

  it('text drawn in the timeline in palette colours (axis, barrier labels, cursor, critical path, failures) has at least 4.5:1 on the panel', () => {
    for (const [what, c] of Object.entries({ AXIS_COLOR, BARRIER_COLOR, CURSOR_COLOR, HIGHLIGHT_COLOR, FAIL_COLOR })) {
      expect(contrast(c, PANEL_COLOR), what).toBeGreaterThanOrEqual(4.5)
    }
  })
})
