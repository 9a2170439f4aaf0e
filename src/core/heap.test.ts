import { describe, expect, it } from 'vitest'
import { MinHeap } from './heap'
import { createRng } from './rng'

/** Pops everything: the values in the order they come out. */
function drain<T>(h: MinHeap<T>): T[] {
  const out: T[] = []
  while (h.size > 0) out.push(h.pop() as T)
  return out
}

describe('MinHeap', () => {
  it('gives values out by key, equal keys first-in first-out, however keys were pushed (rising, falling, mixed)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed)
      const h = new MinHeap<number>()
      // a reference: everything pushed and not yet popped, as [key, order]
      const pending: [number, number][] = []
      let order = 0
      let base = 0
      for (let step = 0; step < 600; step++) {
        const r = rng.next()
        if (r < 0.55) {
          // mostly rising keys (timers set one after the other), some below, some equal
          const k = rng.next() < 0.7 ? (base += rng.int(3)) : rng.int(Math.max(1, base + 1))
          h.push(k, order)
          pending.push([k, order++])
        } else if (pending.length > 0) {
          pending.sort((a, b) => a[0] - b[0] || a[1] - b[1])
          const [k, o] = pending.shift() as [number, number]
          expect(h.peekKey()).toBe(k)
          expect(h.pop()).toBe(o)
        }
        expect(h.size).toBe(pending.length)
      }
      pending.sort((a, b) => a[0] - b[0] || a[1] - b[1])
      expect(drain(h)).toEqual(pending.map(([, o]) => o))
    }
  })

  it('keeps first-in first-out order among equal keys split between the sorted run and the heap', () => {
    const h = new MinHeap<string>()
    h.push(5, 'a') // run
    h.push(7, 'b') // run
    h.push(5, 'c') // below the run's last key: heap
    h.push(7, 'd') // run
    h.push(5, 'e') // heap
    expect(drain(h)).toEqual(['a', 'c', 'e', 'b', 'd'])
  })

  it('is empty after clear and after its last pop, and reports Infinity as the next key then', () => {
    const h = new MinHeap<number>()
    expect(h.pop()).toBeUndefined()
    expect(h.peekKey()).toBe(Infinity)
    for (let i = 0; i < 3000; i++) h.push(i, i)
    for (let i = 0; i < 2000; i++) expect(h.pop()).toBe(i)
    h.push(1, -1)
    expect(h.peekKey()).toBe(1)
    h.clear()
    expect(h.size).toBe(0)
    expect(h.peekKey()).toBe(Infinity)
    h.push(3, 3)
    expect(drain(h)).toEqual([3])
  })
})
