import { describe, expect, it } from 'vitest'
import { Canceled, Context, DeadlineExceeded, type Clock } from './context'

function fakeClock(): Clock & { advance(ms: number): void } {
  let t = 0
  const timers: { at: number; fn: () => void }[] = []
  return {
    now: () => t,
    after(ms, fn) {
      const timer = { at: t + ms, fn }
      timers.push(timer)
      return () => timers.splice(timers.indexOf(timer), 1)
    },
    advance(ms) {
      t += ms
      for (const timer of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(timer), 1)
        timer.fn()
      }
    },
  }
}

describe('Context', () => {
  it('withCancel closes done and sets err', async () => {
    const [ctx, cancel] = Context.background().withCancel()
    expect(ctx.err).toBeNull()
    cancel()
    expect(ctx.err).toBe(Canceled)
    expect(await ctx.done.recv()).toEqual({ value: undefined, ok: false })
  })

  it('cancelling a parent cancels its children', () => {
    const [parent, cancel] = Context.background().withCancel()
    const [child] = parent.withCancel()
    cancel()
    expect(child.err).toBe(Canceled)
  })

  it('withTimeout cancels with deadline exceeded when the time comes', () => {
    const clock = fakeClock()
    const [ctx] = Context.background().withTimeout(clock, 100)
    clock.advance(99)
    expect(ctx.err).toBeNull()
    clock.advance(1)
    expect(ctx.err).toBe(DeadlineExceeded)
    expect(ctx.done.closed).toBe(true)
  })

  it('a child of a cancelled context starts cancelled', () => {
    const [parent, cancel] = Context.background().withCancel()
    cancel()
    expect(parent.withCancel()[0].err).toBe(Canceled)
  })

  it('cancel twice is harmless', () => {
    const [ctx, cancel] = Context.background().withCancel()
    cancel()
    cancel()
    expect(ctx.err).toBe(Canceled)
  })
})
