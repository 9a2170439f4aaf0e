import { Chan, Claim, type Received } from './chan'

/** One case of a select: receive from `recv`, or send `value` on `send`. */
export type SelectCase<T = unknown> = { recv: Chan<T> } | { send: Chan<T>; value: T }

/** Which case fired (index into the cases) and, for a receive, what arrived. −1 = default. */
export interface Selected<T = unknown> {
  index: number
  received?: Received<T>
}

/**
 * The non-blocking half of Go's select: among ready cases one is chosen uniformly at random
 * (`random` is the seeded PRNG) and fired; null when none is ready. `by` is the caller's goroutine.
 */
export function trySelect<T>(cases: SelectCase<T>[], random: () => number, by = -1): Selected<T> | null {
  const ready: number[] = []
  for (let i = 0; i < cases.length; i++) if (isReady(cases[i])) ready.push(i)
  if (ready.length === 0) return null
  const index = ready[Math.floor(random() * ready.length)]
  const c = cases[index]
  if ('recv' in c) return { index, received: c.recv.tryRecv(by) as Received<T> }
  c.send.trySend(c.value, by) // throws on a closed channel, as Go panics
  return { index }
}

/** The blocking half: parks on every case; the first channel to become ready fires, once. */
export function parkSelect<T>(cases: SelectCase<T>[], done: (s: Selected<T>) => void, fail: (e: Error) => void, by = -1): void {
  const claim = new Claim()
  cases.forEach((c, index) => {
    if ('recv' in c) c.recv.parkRecv(claim, (received) => done({ index, received }), by)
    else c.send.parkSend(claim, c.value, () => done({ index }), fail, by)
  })
}

/** Promise form for code outside a runtime. `select {}` (no cases, no default) blocks forever. */
export function select<T>(cases: SelectCase<T>[], random: () => number, hasDefault = false): Promise<Selected<T>> {
  const now = trySelect(cases, random)
  if (now) return Promise.resolve(now)
  if (hasDefault) return Promise.resolve({ index: -1 })
  return new Promise((resolve, reject) => parkSelect(cases, resolve, reject))
}

function isReady<T>(c: SelectCase<T>): boolean {
  if ('recv' in c) return c.recv.len > 0 || c.recv.sendqLength > 0 || c.recv.closed
  return c.send.closed || c.send.recvqLength > 0 || c.send.len < c.send.cap
}
