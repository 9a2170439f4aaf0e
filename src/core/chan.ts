import { Queue } from './queue'

/** Result of a receive: `ok` is false once the channel is closed and drained (Go's `v, ok := <-ch`). */
export interface Received<T> {
  value: T | undefined
  ok: boolean
}

/** Thrown where Go would panic: send on a closed channel, close of a closed channel. */
export class ChannelPanic extends Error {}

/**
 * Shared by the waiters of one park (one per channel for a `select`): the first case to fire claims
 * it, and the other channels forget their waiter (their parked counts drop at once).
 */
export class Claim {
  fired = false
  private parked: { ch: Chan<unknown>; side: 'send' | 'recv' }[] = []

  /** @internal a channel registers the waiter it parked for this claim */
  add(ch: Chan<unknown>, side: 'send' | 'recv'): void {
    this.parked.push({ ch, side })
  }

  /** Marks the claim fired; every channel it parked on stops counting its waiter. */
  fire(): void {
    this.fired = true
    for (const p of this.parked) p.ch.forget(p.side)
    this.parked = []
  }
}

interface RecvWaiter<T> {
  claim: Claim
  /** goroutine id of the receiver (−1 outside a runtime) */
  owner: number
  deliver(r: Received<T>): void
}

interface SendWaiter<T> {
  claim: Claim
  owner: number
  value: T
  complete(): void
  fail(e: Error): void
}

interface Slot<T> {
  value: T
  /** goroutine that sent it */
  from: number
}

/** What the trace learns from a channel. Goroutine ids are −1 when unknown. */
export interface ChanTracer<T> {
  /** len, parked senders or parked receivers changed */
  changed(ch: Chan<T>): void
  /** `value` entered the buffer, sent by `from` */
  buffered(ch: Chan<T>, value: T, from: number): void
  /** `value` passed from `from` to `to`: directly (never in the buffer), or out of the buffer */
  passed(ch: Chan<T>, value: T, from: number, to: number, direct: boolean): void
  /** close(ch) */
  closed(ch: Chan<T>): void
}

/**
 * A Go channel. `cap` 0 is unbuffered: a send completes only by direct handoff to a receiver.
 * Parked senders and receivers wait in FIFO queues (`sendq`, `recvq`), as in Go's hchan.
 */
export class Chan<T> {
  readonly cap: number
  readonly name: string
  private buf = new Queue<Slot<T>>()
  private sendq = new Queue<SendWaiter<T>>()
  private recvq = new Queue<RecvWaiter<T>>()
  private liveSend = 0
  private liveRecv = 0
  private isClosed = false
  tracer: ChanTracer<T> | null = null
  /** resource id in the trace (−1 when untraced) */
  resource = -1

  constructor(cap = 0, name = 'chan') {
    if (!Number.isInteger(cap) || cap < 0) throw new RangeError(`channel capacity must be a whole number ≥ 0, got ${cap}`)
    this.cap = cap
    this.name = name
  }

  get len(): number {
    return this.buf.length
  }

  get closed(): boolean {
    return this.isClosed
  }

  /** Parked senders / receivers (sendq and recvq without waiters a select has already claimed). */
  get sendqLength(): number {
    return this.liveSend
  }

  get recvqLength(): number {
    return this.liveRecv
  }

  /** Sends without blocking if it can; false means the sender would park. Throws on a closed channel. */
  trySend(value: T, by = -1): boolean {
    if (this.isClosed) throw new ChannelPanic(`send on closed channel ${this.name}`)
    const r = this.takeRecv()
    if (r) {
      this.tracer?.passed(this, value, by, r.owner, true)
      this.tracer?.changed(this)
      r.deliver({ value, ok: true })
      return true
    }
    if (this.buf.length < this.cap) {
      this.buf.push({ value, from: by })
      this.tracer?.buffered(this, value, by)
      this.tracer?.changed(this)
      return true
    }
    return false
  }

  /** Receives without blocking if it can; null means the receiver would park. */
  tryRecv(by = -1): Received<T> | null {
    if (this.buf.length > 0) {
      const slot = this.buf.shift() as Slot<T>
      this.tracer?.passed(this, slot.value, slot.from, by, false)
      // A parked sender's value moves into the tail of the buffer, keeping FIFO order.
      const s = this.takeSend()
      if (s) {
        this.buf.push({ value: s.value, from: s.owner })
        this.tracer?.buffered(this, s.value, s.owner)
      }
      this.tracer?.changed(this)
      s?.complete()
      return { value: slot.value, ok: true }
    }
    const s = this.takeSend()
    if (s) {
      this.tracer?.passed(this, s.value, s.owner, by, true)
      this.tracer?.changed(this)
      s.complete()
      return { value: s.value, ok: true }
    }
    if (this.isClosed) return { value: undefined, ok: false }
    return null
  }

  /** Parks a receiver: `deliver` is called once, when a value (or the close) arrives. */
  parkRecv(claim: Claim, deliver: (r: Received<T>) => void, owner = -1): void {
    this.recvq.push({ claim, owner, deliver })
    claim.add(this as Chan<unknown>, 'recv')
    this.liveRecv++
    this.tracer?.changed(this)
  }

  /** Parks a sender: `complete` when its value is taken, `fail` if the channel is closed first. */
  parkSend(claim: Claim, value: T, complete: () => void, fail: (e: Error) => void, owner = -1): void {
    this.sendq.push({ claim, owner, value, complete, fail })
    claim.add(this as Chan<unknown>, 'send')
    this.liveSend++
    this.tracer?.changed(this)
  }

  /** Promise form of a send, for code outside a runtime (tests). */
  send(value: T): Promise<void> {
    if (this.trySend(value)) return Promise.resolve()
    return new Promise((resolve, reject) => this.parkSend(new Claim(), value, resolve, reject))
  }

  /** Promise form of a receive, for code outside a runtime (tests). */
  recv(): Promise<Received<T>> {
    const r = this.tryRecv()
    if (r) return Promise.resolve(r)
    return new Promise((resolve) => this.parkRecv(new Claim(), resolve))
  }

  /** Wakes every parked receiver with ok=false (after the buffer drains); parked senders panic. */
  close(): void {
    if (this.isClosed) throw new ChannelPanic(`close of closed channel ${this.name}`)
    this.isClosed = true
    const receivers: RecvWaiter<T>[] = []
    const senders: SendWaiter<T>[] = []
    for (let r = this.takeRecv(); r; r = this.takeRecv()) receivers.push(r)
    for (let s = this.takeSend(); s; s = this.takeSend()) senders.push(s)
    this.tracer?.closed(this)
    this.tracer?.changed(this)
    for (const r of receivers) r.deliver({ value: undefined, ok: false })
    for (const s of senders) s.fail(new ChannelPanic(`send on closed channel ${this.name}`))
  }

  /** `for v := range ch` outside a runtime: yields until the channel is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const { value, ok } = await this.recv()
      if (!ok) return
      yield value as T
    }
  }

  /** @internal a claim that parked here fired: one waiter fewer on `side`. */
  forget(side: 'send' | 'recv'): void {
    if (side === 'send') this.liveSend--
    else this.liveRecv--
  }

  private takeRecv(): RecvWaiter<T> | undefined {
    for (let w = this.recvq.shift(); w; w = this.recvq.shift()) {
      if (!w.claim.fired) {
        w.claim.fire()
        return w
      }
    }
    return undefined
  }

  private takeSend(): SendWaiter<T> | undefined {
    for (let w = this.sendq.shift(); w; w = this.sendq.shift()) {
      if (!w.claim.fired) {
        w.claim.fire()
        return w
      }
    }
    return undefined
  }
}
