/**
 * Finite producer → channel(cap) → M consumers, io work: when each item is taken, from a recurrence
 * that never touches a channel. Item i is ready to send at S_i (the producer made it); a consumer
 * takes it at T_i = max(S_i, T_{i−M} + q) (the consumer that took item i−M is free again); the
 * send completes at E_i = T_i on an unbuffered channel, else at max(S_i, T_{i−cap}) (item i−cap left
 * the buffer, so there is room); the producer starts item i+1 at E_i.
 */
export function prodConsMakespan(produce: readonly number[], consume: number, cap: number, consumers: number): number {
  const n = produce.length
  const S: number[] = []
  const T: number[] = []
  let start = 0
  for (let i = 0; i < n; i++) {
    S[i] = start + produce[i]
    T[i] = Math.max(S[i], i >= consumers ? T[i - consumers] + consume : 0)
    const E = cap === 0 ? T[i] : Math.max(S[i], i >= cap ? T[i - cap] : 0)
    start = E
  }
  let end = 0
  for (let i = Math.max(0, n - consumers); i < n; i++) end = Math.max(end, T[i] + consume)
  return end
}

/** Producer durations: every k-th item (items 1, k+1, …) takes the hiccup instead (k = 0: never). */
export function produceTimes(n: number, produce: number, hiccup: number, every: number): number[] {
  return Array.from({ length: n }, (_, i) => (every > 0 && i % every === 0 ? hiccup : produce))
}
