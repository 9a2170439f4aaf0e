import { describe, expect, it } from 'vitest'
import { decodeScenario } from '../core/url'
import { PROGRAMS } from '../patterns/programs'
import { REGISTRY } from '../patterns/registry'
import { runVirtual, theoryMeta, traceOf } from '../patterns/theory'
import { eventTimes } from './stepping'

async function traceOfLink(link: string) {
  const s = decodeScenario(REGISTRY, link).scenario
  return traceOf(s, theoryMeta(2, 2), await runVirtual(PROGRAMS, s, 2))
}

describe('stepping through a replay event by event', () => {
  it('a worker pool with a buffered jobs channel stops at every round of jobs, not only at direct handoffs', async () => {
    // 40 jobs of 50 ms on 4 workers: rounds end (and the next begins) every 50 ms
    const tr = await traceOfLink('?v=2&p=pool&n=40&d=50&pool=4&buffer=10')
    const ts = eventTimes(tr, -1)
    for (let k = 1; k <= 10; k++) expect(ts.some((t) => Math.abs(t - 50 * k) < 1e-6)).toBe(true)
    expect(ts[0]).toBe(0)
    expect(ts[ts.length - 1]).toBe(tr.end)
    // sorted, and no two stops within a thousandth of the run
    for (let i = 1; i < ts.length; i++) expect(ts[i] - ts[i - 1]).toBeGreaterThan(tr.end / 1000)
  })

  it('jobs ending together are one stop; a run of 10,000 jobs has at most a thousand stops', async () => {
    const tr = await traceOfLink('?v=2&p=unbounded&n=10000&d=50&variation=uniform&jitter=50')
    const ts = eventTimes(tr, -1)
    expect(ts.length).toBeGreaterThan(10)
    expect(ts.length).toBeLessThanOrEqual(1001)
    expect(ts[ts.length - 1]).toBe(tr.end)
  })

  it('a hovered lane adds the moments its goroutine changes state', async () => {
    const tr = await traceOfLink('?v=2&p=pool&n=40&d=50&pool=4&buffer=10')
    expect(eventTimes(tr, 1).length).toBeGreaterThanOrEqual(eventTimes(tr, -1).length)
  })
})
