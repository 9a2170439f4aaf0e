import { Column } from './column'

/** One named resource's samples over time (a channel's len and parked goroutines, a WaitGroup's counter, …). */
export class ResourceTrack {
  readonly t = new Column(Float64Array)
  /** channel len · WaitGroup counter · semaphore tokens in use · counter value */
  readonly value = new Column(Float64Array)
  /** parked senders · WaitGroup waiters · semaphore waiters */
  readonly waitA = new Column(Int32Array)
  /** parked receivers */
  readonly waitB = new Column(Int32Array)

  constructor(
    readonly id: number,
    readonly kind: number,
    readonly name: string,
    /** capacity (−1 = none) */
    readonly cap: number,
  ) {}

  get samples(): number {
    return this.t.length
  }

  /** Index of the last sample at or before `t` (−1 before the first). */
  at(t: number): number {
    let lo = 0
    let hi = this.t.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.t.data[mid] <= t) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
}
