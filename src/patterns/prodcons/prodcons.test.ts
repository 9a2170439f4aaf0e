import { describe, expect, it } from 'vitest'
import { Op } from '../../core/events'
import { presetScenario } from '../../core/scenario'
import type { Trace } from '../../core/trace'
import { PROGRAMS } from '../programs'
import { REGISTRY } from '../registry'
import { planTrace } from '../theory'
import { virtual } from '../testkit'
import { prodConsMakespan, produceTimes } from './closedForm'

const marks = (tr: Trace, kind: string) => {
  const out: number[] = []
  for (let i = 0; i < tr.mT.length; i++) if (tr.text(tr.mKind.data[i]) === kind) out.push(tr.mT.data[i])
  return out
}

describe('producer–consumer', () => {
  it('the closed form gives the talk’s bursty numbers: buffer 0 / 1 / 2 / ≥ 5 → 2,820 / 2,640 / 2,460 / 2,100 ms', () => {
    const p = produceTimes(100, 10, 100, 10)
    expect([0, 1, 2, 5, 10, 100].map((cap) => prodConsMakespan(p, 20, cap, 1))).toEqual([2820, 2640, 2460, 2100, 2100, 2100])
  })

  it('unbuffered: every value passes as a direct handoff from producer to consumer', async () => {
    const tr = await virtual('prodcons', { n: 30 }, { buffer: 0 })
    let handoffs = 0
    for (let i = 0; i < tr.xT.length; i++) if (tr.xOp.data[i] === Op.Handoff && tr.resources[tr.xChan.data[i]].name === 'events') handoffs++
    expect(handoffs).toBe(30)
  })

  it('continuous: the buffer of 100 is full after about 10 s, then the generator is throttled to the writer’s 40 events/s', async () => {
    const s = presetScenario(REGISTRY, REGISTRY.preset('event-generator-backpressure')!)
    const tr = await planTrace(PROGRAMS, s, 2)
    expect(tr.status).toBe('stopped')
    const events = tr.resourceByName('events')!
    let full = NaN
    for (let i = 0; i < events.samples; i++) if (events.value.data[i] === 100) { full = events.t.data[i]; break }
    expect(full).toBeGreaterThan(9_500)
    expect(full).toBeLessThan(10_600)
    const made = marks(tr, 'event')
    const inWindow = (xs: number[], a: number, b: number) => xs.filter((t) => t >= a && t < b).length
    expect(inWindow(made, 0, 5_000)).toBeGreaterThanOrEqual(249) // 50/s while there is room
    expect(inWindow(made, 20_000, 55_000)).toBeGreaterThanOrEqual(1_399) // 40/s once full
    expect(inWindow(made, 20_000, 55_000)).toBeLessThanOrEqual(1_401)
    expect(marks(tr, 'tick dropped').length).toBeGreaterThan(0)
  })
})
