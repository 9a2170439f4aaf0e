import { Queue } from './queue'

/** Told when a primitive's numbers change: `value` and `waiting` go into the trace as a sample. */
export type SampleHook = (value: number, waiting: number) => void

/** sync.WaitGroup: waiters are released when the counter returns to zero. */
export class WaitGroup {
  private count = 0
  private waiters: (() => void)[] = []
  onSample: SampleHook | null = null
  /** resource id in the trace (−1 when untraced) */
  resource = -1

  constructor(readonly name = 'wg') {}

  get counter(): number {
    return this.count
  }

  add(delta: number): void {
    this.count += delta
    if (this.count < 0) throw new Error(`sync: negative WaitGroup counter (${this.name})`)
    if (this.count !== 0 || this.waiters.length === 0) {
      // the common case (wg.Add(1) before each go, wg.Done() at each end): no array to release
      this.onSample?.(this.count, this.waiters.length)
      return
    }
    const release = this.waiters
    this.waiters = []
    this.onSample?.(this.count, 0)
    for (const w of release) w()
  }

  done(): void {
    this.add(-1)
  }

  /** Calls `wake` when the counter is zero (at once if it already is). */
  onZero(wake: () => void): void {
    if (this.count === 0) return wake()
    this.waiters.push(wake)
    this.onSample?.(this.count, this.waiters.length)
  }

  /** Promise form, for code outside a runtime. */
  wait(): Promise<void> {
    return new Promise((resolve) => this.onZero(resolve))
  }
}

/** Counting semaphore (a buffered channel of tokens in Go): limits how many hold it at once. FIFO. */
export class Semaphore {
  private free: number
  private waiters = new Queue<() => void>()
  onSample: SampleHook | null = null
  resource = -1

  constructor(
    readonly size: number,
    readonly name = 'sem',
  ) {
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
    this.onSample?.(this.inUse, this.waiters.length)
    return true
  }

  /** Calls `wake` once a token is held (at once if one is free). */
  enqueue(wake: () => void): void {
    if (this.tryAcquire()) return wake()
    this.waiters.push(wake)
    this.onSample?.(this.inUse, this.waiters.length)
  }

  /** Promise form, for code outside a runtime. */
  acquire(): Promise<void> {
    return new Promise((resolve) => this.enqueue(resolve))
  }

  release(): void {
    const next = this.waiters.shift()
    if (next) {
      // the token passes straight to the next waiter
      this.onSample?.(this.inUse, this.waiters.length)
      next()
    } else if (this.free < this.size) {
      this.free++
      this.onSample?.(this.inUse, this.waiters.length)
    } else throw new Error(`semaphore ${this.name}: release without acquire`)
  }
}

/** An atomic counter (atomic.AddUint64): every change is one indivisible step. */
export class Counter {
  private v = 0
  onSample: SampleHook | null = null
  resource = -1

  constructor(readonly name = 'counter') {}

  get value(): number {
    return this.v
  }

  add(delta: number): number {
    this.v += delta
    this.onSample?.(this.v, 0)
    return this.v
  }
}
