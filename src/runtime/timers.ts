import { MinHeap } from '../core/heap'

/**
 * Precise timers for io waits. One setTimeout wakes the scheduler EARLY_MS before the earliest
 * deadline; the rest is covered by message-loop yields (~5 µs each), so a wait ends within tens of
 * µs of its deadline. Measured in Chromium workers: a setTimeout may fire up to ~1 ms early or
 * ~0.5 ms late, and a short setTimeout set from a timer callback is clamped to ~4 ms (nesting), so
 * any wait under SPIN_BELOW_MS is yielded through, never re-timed. Deadlines: performance.now() ms.
 */
const EARLY_MS = 2
const SPIN_BELOW_MS = 5

export class Timers {
  private heap = new MinHeap<() => void>()
  private timeout: ReturnType<typeof setTimeout> | null = null
  private yielding = false
  private channel = new MessageChannel()

  constructor() {
    this.channel.port1.onmessage = () => {
      this.yielding = false
      this.tick()
    }
  }

  at(deadline: number, fn: () => void): void {
    this.heap.push(deadline, fn)
    if (this.heap.peekKey() === deadline) this.arm()
  }

  clear(): void {
    this.heap.clear()
    if (this.timeout !== null) clearTimeout(this.timeout)
    this.timeout = null
  }

  private tick = (): void => {
    const now = performance.now()
    while (this.heap.size > 0 && this.heap.peekKey() <= now) (this.heap.pop() as () => void)()
    this.arm()
  }

  private arm(): void {
    if (this.timeout !== null) {
      clearTimeout(this.timeout)
      this.timeout = null
    }
    if (this.heap.size === 0) return
    const wait = this.heap.peekKey() - performance.now()
    if (wait > SPIN_BELOW_MS) this.timeout = setTimeout(this.tick, wait - EARLY_MS)
    else if (!this.yielding) {
      this.yielding = true
      this.channel.port2.postMessage(0)
    }
  }
}
