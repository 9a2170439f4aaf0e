import { describe, expect, it } from 'vitest'
import { Chan, ChannelPanic, type ChanTracer } from './chan'

/** A tracer that records what the channel reports. */
function record<T>(ch: Chan<T>) {
  const log = { lens: [] as number[], passed: [] as string[], buffered: [] as T[], closed: 0 }
  const tracer: ChanTracer<T> = {
    changed: (c) => log.lens.push(c.len),
    buffered: (_c, v) => log.buffered.push(v),
    passed: (_c, v, from, to, direct) => log.passed.push(`${String(v)} ${from}→${to} ${direct ? 'direct' : 'buffer'}`),
    closed: () => log.closed++,
  }
  ch.tracer = tracer
  return log
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('chan(0)', () => {
  it('send parks until a receiver takes the value', async () => {
    const ch = new Chan<number>(0)
    let sent = false
    void ch.send(1).then(() => (sent = true))
    await tick()
    expect(sent).toBe(false)
    expect(ch.sendqLength).toBe(1)
    expect(await ch.recv()).toEqual({ value: 1, ok: true })
    await tick()
    expect(sent).toBe(true)
  })

  it('send to a parked receiver is a direct handoff that never touches the buffer', async () => {
    const ch = new Chan<number>(0)
    const log = record(ch)
    const got = ch.recv()
    expect(ch.recvqLength).toBe(1)
    expect(ch.trySend(7, 3)).toBe(true)
    expect(await got).toEqual({ value: 7, ok: true })
    expect(log.buffered).toEqual([])
    expect(log.passed).toEqual(['7 3→-1 direct'])
    expect(ch.recvqLength).toBe(0)
  })

  it('trySend fails when nobody is receiving', () => {
    expect(new Chan<number>(0).trySend(1)).toBe(false)
  })
})

describe('chan(n)', () => {
  it('buffers up to cap without blocking, then parks the sender', () => {
    const ch = new Chan<number>(2)
    expect(ch.trySend(1)).toBe(true)
    expect(ch.trySend(2)).toBe(true)
    expect(ch.trySend(3)).toBe(false)
    expect(ch.len).toBe(2)
    expect(ch.cap).toBe(2)
  })

  it('delivers in FIFO order', async () => {
    const ch = new Chan<number>(3)
    for (const v of [1, 2, 3]) ch.trySend(v)
    expect([(await ch.recv()).value, (await ch.recv()).value, (await ch.recv()).value]).toEqual([1, 2, 3])
  })

  it("recv moves a parked sender's value into the tail of the buffer and wakes it", async () => {
    const ch = new Chan<number>(2)
    ch.trySend(1)
    ch.trySend(2)
    let woke = false
    void ch.send(3).then(() => (woke = true))
    expect(ch.sendqLength).toBe(1)
    expect(ch.tryRecv()).toEqual({ value: 1, ok: true })
    expect(ch.len).toBe(2)
    expect(ch.sendqLength).toBe(0)
    await tick()
    expect(woke).toBe(true)
    expect([ch.tryRecv()?.value, ch.tryRecv()?.value]).toEqual([2, 3])
  })

  it('parked senders are served FIFO', async () => {
    const ch = new Chan<string>(0)
    void ch.send('a')
    void ch.send('b')
    expect((await ch.recv()).value).toBe('a')
    expect((await ch.recv()).value).toBe('b')
  })

  it('parked receivers are served FIFO', async () => {
    const ch = new Chan<number>(1)
    const first = ch.recv()
    const second = ch.recv()
    ch.trySend(1)
    ch.trySend(2)
    expect((await first).value).toBe(1)
    expect((await second).value).toBe(2)
  })

  it('the tracer sees len after every change, and each value pass with its sender and receiver', () => {
    const ch = new Chan<number>(5)
    const log = record(ch)
    ch.trySend(1, 7)
    ch.trySend(2, 7)
    ch.tryRecv(9)
    expect(log.lens).toEqual([1, 2, 1])
    expect(log.buffered).toEqual([1, 2])
    expect(log.passed).toEqual(['1 7→9 buffer'])
  })

  it('a select that fires elsewhere leaves no parked waiter counted here', async () => {
    const { parkSelect } = await import('./select')
    const a = new Chan<number>(0, 'a')
    const b = new Chan<number>(0, 'b')
    parkSelect([{ recv: a }, { recv: b }], () => {}, () => {})
    expect([a.recvqLength, b.recvqLength]).toEqual([1, 1])
    expect(b.trySend(1)).toBe(true)
    expect([a.recvqLength, b.recvqLength]).toEqual([0, 0])
    expect(a.trySend(2)).toBe(false) // the stale waiter on a is skipped
  })

  it('rejects a negative or fractional capacity', () => {
    expect(() => new Chan(-1)).toThrow(RangeError)
    expect(() => new Chan(1.5)).toThrow(RangeError)
  })
})

describe('close', () => {
  it('lets receivers drain the buffer first, then returns ok=false', async () => {
    const ch = new Chan<number>(2)
    ch.trySend(1)
    ch.close()
    expect(await ch.recv()).toEqual({ value: 1, ok: true })
    expect(await ch.recv()).toEqual({ value: undefined, ok: false })
    expect(await ch.recv()).toEqual({ value: undefined, ok: false })
  })

  it('wakes every parked receiver with ok=false', async () => {
    const ch = new Chan<number>(0)
    const waiting = [ch.recv(), ch.recv(), ch.recv()]
    ch.close()
    expect(await Promise.all(waiting)).toEqual([0, 1, 2].map(() => ({ value: undefined, ok: false })))
  })

  it('send on a closed channel throws', () => {
    const ch = new Chan<number>(1)
    ch.close()
    expect(() => ch.trySend(1)).toThrow(ChannelPanic)
  })

  it('close of a closed channel throws', () => {
    const ch = new Chan<number>(0)
    ch.close()
    expect(() => ch.close()).toThrow(/close of closed channel/)
  })

  it('makes a parked sender panic', async () => {
    const ch = new Chan<number>(0)
    const s = ch.send(1)
    ch.close()
    await expect(s).rejects.toThrow(ChannelPanic)
  })
})

describe('range', () => {
  it('yields every value and ends on close', async () => {
    const ch = new Chan<number>(1)
    void (async () => {
      for (const v of [1, 2, 3]) await ch.send(v)
      ch.close()
    })()
    const got: number[] = []
    for await (const v of ch) got.push(v)
    expect(got).toEqual([1, 2, 3])
  })
})
