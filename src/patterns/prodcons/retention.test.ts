import { describe, expect, it } from 'vitest'
import { EVENT_WIDTH } from '../../core/events'
import { presetScenario } from '../../core/scenario'
import { Trace } from '../../core/trace'
import { PROGRAMS } from '../programs'
import { REGISTRY } from '../registry'
import { runVirtual, theoryMeta } from '../theory'

describe('a run that goes on until Stop keeps a window of detail, so memory stays flat', () => {
  it('compacting while events arrive keeps exactly the recent detail of the full trace', async () => {
    const s = presetScenario(REGISTRY, REGISTRY.preset('event-generator-backpressure')!)
    const run = await runVirtual(PROGRAMS, s, 2)
    const full = new Trace(s, theoryMeta(2, 2))
    full.apply(run.events, run.strings)
    const windowed = new Trace(s, theoryMeta(2, 2))
    windowed.retainMs = 20_000
    windowed.apply(new Float64Array(0), run.strings)
    const chunk = 600 * EVENT_WIDTH
    let maxSegments = 0
    for (let i = 0; i < run.events.length; i += chunk) {
      windowed.apply(run.events.subarray(i, i + chunk))
      if (windowed.lastT - windowed.base > windowed.retainMs * 1.25) windowed.compact(windowed.lastT - windowed.retainMs)
      maxSegments = Math.max(maxSegments, windowed.segments)
    }
    // bounded: a window's worth, not 120 s worth
    expect(full.segments).toBeGreaterThan(1.8 * maxSegments)
    expect(windowed.base).toBeGreaterThan(30_000)
    // every segment still held is the full trace's segment, and none after the window's start is missing
    const key = (tr: Trace, i: number) => `${tr.sG.data[i]}|${tr.sState.data[i]}|${tr.sT0.data[i]}|${tr.sT1.data[i]}`
    const kept = new Set(Array.from({ length: windowed.segments }, (_, i) => key(windowed, i)))
    for (let i = 0; i < full.segments; i++) {
      const t1 = full.sT1.data[i]
      if (t1 >= windowed.base) expect(kept.has(key(full, i)), key(full, i)).toBe(true)
    }
    // jobs keep their ids; counters stay whole
    for (let j = 0; j < windowed.jobIds; j++) {
      const id = windowed.jobId(j)
      expect(windowed.jEnd.data[j]).toBe(full.jEnd.data[id])
      expect(windowed.jItem.data[j]).toBe(full.jItem.data[id])
    }
    expect(windowed.jobsDone).toBe(full.jobsDone)
    const events = windowed.resourceByName('events')!
    expect(events.t.data[0]).toBeLessThanOrEqual(windowed.base)
    expect(events.value.data[events.samples - 1]).toBe(full.resourceByName('events')!.value.data[full.resourceByName('events')!.samples - 1])
  })
})
