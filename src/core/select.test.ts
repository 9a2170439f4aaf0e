import { describe, expect, it } from 'vitest'
import { Chan } from './chan'
import { createRng } from './rng'
import { select } from './select'

const rnd = createRng(1).next

describe('select', () => {
  it('with default returns -1 at once when nothing is ready', async () => {
    const a = new Chan<number>(0)
    expect(await select([{ recv: a }], rnd, true)).toEqual({ index: -1 })
  })

  it('with default sends when there is room (the drop-if-full idiom)', async () => {
    const a = new Chan<number>(1)
    expect((await select([{ send: a, value: 1 }], rnd, true)).index).toBe(0)
    expect((await select([{ send: a, value: 2 }], rnd, true)).index).toBe(-1)
    expect(a.len).toBe(1)
  })

  it('takes the ready case', async () => {
    const a = new Chan<number>(1)
    const b = new Chan<number>(1)
    b.trySend(9)
    expect(await select([{ recv: a }, { recv: b }], rnd)).toEqual({ index: 1, received: { value: 9, ok: true } })
  })

  it('without default parks on every case and the first ready one wins, once', async () => {
    const a = new Chan<number>(0)
    const b = new Chan<number>(0)
    const sel = select([{ recv: a }, { recv: b }], rnd)
    expect(b.trySend(5)).toBe(true)
    expect(await sel).toEqual({ index: 1, received: { value: 5, ok: true } })
    expect(a.trySend(1)).toBe(false) // the select's waiter on a was withdrawn
  })

  it('picks uniformly among ready cases with the seeded PRNG', async () => {
    const counts = [0, 0]
    const r = createRng(42).next
    for (let i = 0; i < 2000; i++) {
      const a = new Chan<number>(1)
      const b = new Chan<number>(1)
      a.trySend(1)
      b.trySend(2)
      counts[(await select([{ recv: a }, { recv: b }], r)).index]++
    }
    expect(counts[0] / 2000).toBeGreaterThan(0.45)
    expect(counts[0] / 2000).toBeLessThan(0.55)
  })

  it('a closed channel is ready and receives ok=false', async () => {
    const a = new Chan<number>(0)
    a.close()
    expect(await select([{ recv: a }], rnd)).toEqual({ index: 0, received: { value: undefined, ok: false } })
  })
})
