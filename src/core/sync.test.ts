import { describe, expect, it } from 'vitest'
import { Semaphore, WaitGroup } from './sync'

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('WaitGroup', () => {
  it('wait resolves when the counter returns to zero', async () => {
    const wg = new WaitGroup()
    wg.add(2)
    let done = false
    void wg.wait().then(() => (done = true))
    wg.done()
    await tick()
    expect(done).toBe(false)
    wg.done()
    await tick()
    expect(done).toBe(true)
  })

  it('wait on a zero counter returns at once', async () => {
    await expect(new WaitGroup().wait()).resolves.toBeUndefined()
  })

  it('a negative counter throws', () => {
    expect(() => new WaitGroup().done()).toThrow(/negative WaitGroup counter/)
  })
})

describe('Semaphore', () => {
  it('admits size holders, then queues FIFO', async () => {
    const s = new Semaphore(2)
    expect(s.tryAcquire()).toBe(true)
    expect(s.tryAcquire()).toBe(true)
    expect(s.tryAcquire()).toBe(false)
    const order: string[] = []
    void s.acquire().then(() => order.push('a'))
    void s.acquire().then(() => order.push('b'))
    expect(s.waiting).toBe(2)
    s.release()
    await tick()
    expect(order).toEqual(['a'])
    expect(s.inUse).toBe(2)
    s.release()
    await tick()
    expect(order).toEqual(['a', 'b'])
  })

  it('release without acquire throws', () => {
    expect(() => new Semaphore(1).release()).toThrow(/release without acquire/)
  })
})
