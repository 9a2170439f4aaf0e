/**
 * What a timer wakes. A goroutine in an io wait or a sleep is its own alarm: the timer holds the
 * goroutine, not a closure made for the wait (10,000 waiting goroutines, 10,000 fewer closures).
 */
export interface Alarm {
  /** `t`: when the timer was found due (run ms) */
  ring(t: number): void
}

/** A timer set with a callback: an alarm that can be cancelled (cancelled ones are skipped). */
export class TimerEntry implements Alarm {
  live = true

  constructor(private readonly fn: () => void) {}

  ring(): void {
    this.fn()
  }
}
