import { Queue } from './queue'

/** sync.WaitGroup: `wait()` resolves when the counter returns to zero. */
export class WaitGroup {
  private count = 0
  private waiters: (() => void)[] = []

  get counter(): number {
    return this.count
  }

  add(delta: number): void {
    this.count += delta
    if (this.count < 0) throw new Error('sync: negative WaitGroup counter')
    if (this.count === 0) this.waiters.splice(0).forEach((w) => w())
  }

  done(): void {
    this.add(-1)
  }

  wait(): Promise<void> {
    if (this.count === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }
}

/** Counting semaphore (a buffered channel of tokens in Go): limits how many hold it at once. FIFO. */
export class Semaphore {
  private free: number
  private waiters = new Queue<() => void>()

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`semaphore size must be a whole number ≥ 1, got ${size}`)
    this.free = size
  }

  get inUse(): number {
    return this.size - this.free
  }

  get waiting(): number {
    return this.waiters.length
  }

  tryAcquire(): boolean {
    if (this.free === 0) return false
    this.free--
    return true
  }

  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  release(): void {
    const next = this.waiters.shift()
    if (next) next() // the token passes straight to the next waiter
    else if (this.free < this.size) this.free++
    else throw new Error('semaphore: release without acquire')
  }
}
