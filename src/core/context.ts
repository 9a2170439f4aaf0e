import { Chan } from './chan'

export const Canceled = 'context canceled'
export const DeadlineExceeded = 'context deadline exceeded'

/** What a Context needs of time: a clock in ms and a cancellable timer. */
export interface Clock {
  now(): number
  after(ms: number, fn: () => void): () => void
}

/** context.Context: `done` is closed on cancel; `err` says why. Children are cancelled with their parent. */
export class Context {
  readonly done = new Chan<never>(0, 'ctx.Done')
  private reason: string | null = null
  private children = new Set<Context>()
  private stopTimer: (() => void) | null = null

  private constructor(private readonly parent: Context | null, readonly deadline: number) {}

  static background(): Context {
    return new Context(null, Infinity)
  }

  get err(): string | null {
    return this.reason
  }

  withCancel(): [Context, () => void] {
    const child = new Context(this, this.deadline)
    this.adopt(child)
    return [child, () => child.cancel(Canceled)]
  }

  /** A child cancelled at absolute time `deadline` (clock ms) at the latest. */
  withDeadline(clock: Clock, deadline: number): [Context, () => void] {
    const child = new Context(this, Math.min(deadline, this.deadline))
    this.adopt(child)
    if (child.reason === null) {
      const left = child.deadline - clock.now()
      if (left <= 0) child.cancel(DeadlineExceeded)
      else child.stopTimer = clock.after(left, () => child.cancel(DeadlineExceeded))
    }
    return [child, () => child.cancel(Canceled)]
  }

  withTimeout(clock: Clock, ms: number): [Context, () => void] {
    return this.withDeadline(clock, clock.now() + ms)
  }

  private adopt(child: Context): void {
    if (this.reason !== null) child.cancel(this.reason)
    else this.children.add(child)
  }

  private cancel(reason: string): void {
    if (this.reason !== null) return
    this.reason = reason
    this.stopTimer?.()
    this.done.close()
    for (const c of this.children) c.cancel(reason)
    this.children.clear()
    this.parent?.children.delete(this)
  }
}
