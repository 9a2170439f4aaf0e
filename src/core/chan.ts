import { Queue } from './queue'

/** Result of a receive: `ok` is false once the channel is closed and drained (Go's `v, ok := <-ch`). */
export interface Received<T> {
  value: T | undefined
  ok: boolean
}

/** Thrown where Go would panic: send on a closed channel, close of a closed channel. */
export class ChannelPanic extends Error {}

/** Shared by the waiters of one `select`: the first case to fire claims it, the others are skipped. */
interface Claim {
  fired: boolean
}

interface RecvWaiter<T> {
  claim: Claim
  deliver(r: Received<T>): void
}

interface SendWaiter<T> {
  claim: Claim
  value: T
  complete(): void
  fail(e: Error): void
}

/**
 * A Go channel. `cap` 0 is unbuffered: a send completes only by direct handoff to a receiver.
 * Parked senders and receivers wait in FIFO queues (`sendq`, `recvq`), as in Go's hchan.
 */
export class Chan<T> {
  readonly cap: number
  readonly name: string
  private buf = new Queue<T>()
  private sendq = new Queue<SendWaiter<T>>()
  private recvq = new Queue<RecvWaiter<T>>()
  private isClosed = false
  /** Called with `len` after every change of the buffer (for the queue-depth gauge). */
  onLen?: (len: number) => void

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

  /** Parked senders / receivers, for drawing sendq and recvq. */
  get sendqLength(): number {
    return countLive(this.sendq)
  }

  get recvqLength(): number {
    return countLive(this.recvq)
  }

  /** Sends without blocking if it can; false means the sender would park. Throws on a closed channel. */
  trySend(value: T): boolean {
    if (this.isClosed) throw new ChannelPanic(`send on closed channel ${this.name}`)
    const r = takeLive(this.recvq)
    if (r) {
      r.deliver({ value, ok: true })
      return true
    }
    if (this.buf.length < this.cap) {
      this.buf.push(value)
      this.onLen?.(this.buf.length)
      return true
    }
    return false
  }

  send(value: T): Promise<void> {
    if (this.trySend(value)) return Promise.resolve()
    return new Promise((resolve, reject) => {
      this.sendq.push({ claim: { fired: false }, value, complete: resolve, fail: reject })
    })
  }

  /** Receives without blocking if it can; null means the receiver would park. */
  tryRecv(): Received<T> | null {
    if (this.buf.length > 0) {
      const value = this.buf.shift() as T
      // A parked sender's value moves into the tail of the buffer, keeping FIFO order.
      const s = takeLive(this.sendq)
      if (s) {
        this.buf.push(s.value)
        s.complete()
      }
      this.onLen?.(this.buf.length)
      return { value, ok: true }
    }
    const s = takeLive(this.sendq)
    if (s) {
      s.complete()
      return { value: s.value, ok: true }
    }
    if (this.isClosed) return { value: undefined, ok: false }
    return null
  }

  recv(): Promise<Received<T>> {
    const r = this.tryRecv()
    if (r) return Promise.resolve(r)
    return new Promise((resolve) => {
      this.recvq.push({ claim: { fired: false }, deliver: resolve })
    })
  }

  /** Wakes every parked receiver with ok=false (after the buffer drains); parked senders panic. */
  close(): void {
    if (this.isClosed) throw new ChannelPanic(`close of closed channel ${this.name}`)
    this.isClosed = true
    for (let r = takeLive(this.recvq); r; r = takeLive(this.recvq)) r.deliver({ value: undefined, ok: false })
    for (let s = takeLive(this.sendq); s; s = takeLive(this.sendq)) s.fail(new ChannelPanic(`send on closed channel ${this.name}`))
  }

  /** `for v := range ch`: yields until the channel is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const { value, ok } = await this.recv()
      if (!ok) return
      yield value as T
    }
  }

  /** @internal used by select: park a claimable receiver. */
  parkRecv(claim: Claim, deliver: (r: Received<T>) => void): void {
    this.recvq.push({ claim, deliver })
  }

  /** @internal used by select: park a claimable sender. */
  parkSend(claim: Claim, value: T, complete: () => void, fail: (e: Error) => void): void {
    this.sendq.push({ claim, value, complete, fail })
  }
}

function takeLive<W extends { claim: Claim }>(q: Queue<W>): W | undefined {
  for (let w = q.shift(); w; w = q.shift()) {
    if (!w.claim.fired) {
      w.claim.fired = true
      return w
    }
  }
  return undefined
}

function countLive<W extends { claim: Claim }>(q: Queue<W>): number {
  return q.count((w) => !w.claim.fired)
}
