import { Chan, type Received } from './chan'

/** One case of a select: receive from `chan`, or send `value` on it. */
export type SelectCase<T = unknown> = { recv: Chan<T> } | { send: Chan<T>; value: T }

/** Which case fired (index into the cases) and, for a receive, what arrived. -1 = default. */
export interface Selected<T = unknown> {
  index: number
  received?: Received<T>
}

/**
 * Go's select. Among ready cases one is chosen uniformly at random (`random` is the seeded PRNG);
 * with `hasDefault` and nothing ready it returns index -1 at once; otherwise it parks on every
 * channel and the first one to become ready wins.
 */
export function select<T>(cases: SelectCase<T>[], random: () => number, hasDefault = false): Promise<Selected<T>> {
  const ready: number[] = []
  for (let i = 0; i < cases.length; i++) if (isReady(cases[i])) ready.push(i)
  if (ready.length > 0) {
    const index = ready[Math.floor(random() * ready.length)]
    return Promise.resolve(fire(cases[index], index))
  }
  if (hasDefault) return Promise.resolve({ index: -1 })
  if (cases.length === 0) return new Promise(() => {}) // select {} blocks forever
  return new Promise((resolve, reject) => {
    const claim = { fired: false }
    cases.forEach((c, index) => {
      if ('recv' in c) c.recv.parkRecv(claim, (received) => resolve({ index, received }))
      else c.send.parkSend(claim, c.value, () => resolve({ index }), reject)
    })
  })
}

function isReady<T>(c: SelectCase<T>): boolean {
  if ('recv' in c) return c.recv.len > 0 || c.recv.sendqLength > 0 || c.recv.closed
  return c.send.closed || c.send.recvqLength > 0 || c.send.len < c.send.cap
}

function fire<T>(c: SelectCase<T>, index: number): Selected<T> {
  if ('recv' in c) return { index, received: c.recv.tryRecv() as Received<T> }
  c.send.trySend(c.value) // throws on a closed channel, as Go panics
  return { index }
}
