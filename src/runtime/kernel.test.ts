import { describe, expect, it } from 'vitest'
import { calibrate, clockStep, spin } from './kernel'

/** A machine whose core does `rate` iterations per ms; `share(iters, k)` is the part of it a window gets. */
function machine(rate: number, share: (iters: number, k: number) => number) {
  let k = 0
  const calls: number[] = []
  const measure = (iters: number) => {
    calls.push(iters)
    return rate * share(iters, k++)
  }
  return { measure, calls }
}

describe('calibrate', () => {
  it('takes the best long window on an idle core, after eight of them', () => {
    // short windows read 3 % high on an idle core, as they do on this machine
    const m = machine(600_000, (iters) => (iters < 2_000_000 ? 1.03 : 1))
    expect(calibrate(m.measure, 0.005)).toBe(600_000)
    expect(m.calls.filter((i) => i >= 2_000_000).length).toBe(8)
  })

  it('measures longer while every long window shares its core, and then holds the rate near the short bound', () => {
    // the flake: each 15 ms window got 87 % of the core, each 2 ms one fitted in a time slice
    const m = machine(600_000, (iters) => (iters === 1_000_000 ? 1 : iters < 2_000_000 ? 1.0 : 0.87))
    const rate = calibrate(m.measure, 0.005)
    // 96 % of a 2 ms window's rate, timed one 5 µs clock step longer
    expect(rate).toBeCloseTo(600_000 * 0.96 * (2 / 2.005), 6)
    expect(m.calls.length).toBe(1 + 40 * 3)
  })

  it('stops as soon as a long window comes near the short bound', () => {
    // shared for the first twelve rounds, then the other work ends
    const m = machine(600_000, (iters, k) => (iters < 2_000_000 ? 1.02 : k < 1 + 12 * 3 ? 0.6 : 1))
    expect(calibrate(m.measure, 0.005)).toBe(600_000)
    expect(m.calls.length).toBe(1 + 13 * 3)
  })

  it('with a coarse clock (not cross-origin isolated) takes the best of eight long windows, with no short bound to read high', () => {
    // every short window rounded down to a whole 0.1 ms reads up to 5 % high: it must not lift the rate
    const m = machine(600_000, (iters) => (iters < 2_000_000 ? 1.05 : 1))
    expect(calibrate(m.measure, 0.1)).toBe(600_000)
    expect(m.calls.length).toBe(1 + 8)
  })

  it('times a short window with a clock step added, so rounding never reads it high', () => {
    // short windows read 2 % high from rounding alone; the long ones are all shared: the bound uses the slower reading
    const m = machine(600_000, (iters) => (iters === 1_000_000 ? 1 : iters < 2_000_000 ? 1.02 : 0.8))
    const short = 1_200_000
    const read = 600_000 * 1.02
    expect(calibrate(m.measure, 0.005)).toBeCloseTo(0.96 * (short / (short / read + 0.005)), 6)
  })

  it('the clock step is the smallest tick seen, and 1 ms for a clock that never moves', () => {
    let t = 0
    expect(clockStep(() => Math.floor((t += 0.03) / 0.1) * 0.1)).toBeCloseTo(0.1, 9)
    expect(clockStep(() => 5)).toBe(1)
  })

  it('never sizes a window below a useful amount of work, even on a very slow machine', () => {
    const m = machine(10, () => 1)
    calibrate(m.measure, 0.005)
    expect(Math.min(...m.calls.slice(1))).toBeGreaterThanOrEqual(10_000)
  })
})

describe('spin', () => {
  it('does a fixed amount of work and stops part-way when cancelled', () => {
    expect(spin(100_000, () => false)).toEqual(spin(100_000, () => false))
    expect(spin(100_000, () => false).completed).toBe(true)
    let looks = 0
    expect(spin(1_000_000, () => ++looks > 2).completed).toBe(false)
    expect(looks).toBe(3)
  })
})
