import { describe, expect, it, vi } from 'vitest'
import type { Alarm } from '../core/alarm'
import { Timers } from './timers'

/** waits for real timers on a machine that may be busy: until `done`, 5 s at most */
const until = (done: () => boolean) => vi.waitFor(() => expect(done()).toBe(true), { timeout: 5000, interval: 2 })

describe('Timers', () => {
  it('rings alarms in deadline order (equal deadlines in the order set), each with the time of the tick that found it due, never before its deadline', async () => {
    const timers = new Timers(performance.now())
    const rang: { name: string; t: number; due: number }[] = []
    const alarm = (name: string, due: number): Alarm => ({ ring: (t) => rang.push({ name, t, due }) })
    const t0 = timers.now()
    for (const [name, ms] of [['c', 12], ['a', 4], ['b', 8], ['b2', 8], ['d', 12]] as const) timers.ring(t0 + ms, alarm(name, t0 + ms))
    expect(timers.pending).toBe(5)
    await until(() => rang.length === 5)
    expect(rang.map((r) => r.name)).toEqual(['a', 'b', 'b2', 'c', 'd'])
    for (const r of rang) expect(r.t).toBeGreaterThanOrEqual(r.due)
    expect(timers.pending).toBe(0)
    timers.dispose()
  })

  it('a cancelled timer never fires and stops counting as pending; clear drops every alarm', async () => {
    const timers = new Timers(performance.now())
    const fired: string[] = []
    const cancel = timers.at(timers.now() + 3, () => fired.push('cancelled'))
    timers.at(timers.now() + 5, () => fired.push('kept'))
    cancel()
    cancel()
    expect(timers.pending).toBe(1)
    // 'kept' is due after the cancelled one: once it has fired, the cancelled one had its chance
    await until(() => fired.length > 0)
    expect(fired).toEqual(['kept'])
    timers.ring(timers.now() + 3, { ring: () => fired.push('cleared') })
    timers.clear()
    expect(timers.pending).toBe(0)
    timers.at(timers.now() + 6, () => fired.push('after'))
    await until(() => fired.length > 1)
    expect(fired).toEqual(['kept', 'after'])
    timers.dispose()
  })
})
