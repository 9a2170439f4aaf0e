/**
 * Min-priority queue ordered by (key, insertion order): equal keys come out first-in, first-out.
 *
 * Timers are mostly set in the order they fall due (every io wait of one length, set one after the
 * other, ends one after the other), so a key not below the last one that went into the sorted run
 * is appended to that run (a FIFO, O(1) in and out); only a key that would break its order goes
 * into a binary heap. pop() takes the smaller of the two fronts. The order is the same as one heap's.
 */
export class MinHeap<T> {
  // the binary heap (parallel arrays)
  private keys: number[] = []
  private seqs: number[] = []
  private vals: T[] = []
  // the sorted run: [head, length) is live; keys and seqs never decrease along it
  private runKeys: number[] = []
  private runSeqs: number[] = []
  private runVals: (T | undefined)[] = []
  private head = 0
  private seq = 0

  get size(): number {
    return this.vals.length + this.runVals.length - this.head
  }

  peekKey(): number {
    const h = this.keys.length > 0 ? this.keys[0] : Infinity
    const r = this.head < this.runKeys.length ? this.runKeys[this.head] : Infinity
    return h < r ? h : r
  }

  push(key: number, val: T): void {
    const seq = this.seq++
    const n = this.runKeys.length
    if (n === this.head || key >= this.runKeys[n - 1]) {
      this.runKeys.push(key)
      this.runSeqs.push(seq)
      this.runVals.push(val)
      return
    }
    this.keys.push(key)
    this.seqs.push(seq)
    this.vals.push(val)
    this.siftUp(this.vals.length - 1, key, seq, val)
  }

  pop(): T | undefined {
    const runLeft = this.head < this.runKeys.length
    if (this.vals.length === 0 && !runLeft) return undefined
    if (runLeft && (this.vals.length === 0 || this.runFirst())) return this.shiftRun()
    return this.popHeap()
  }

  clear(): void {
    this.keys = []
    this.seqs = []
    this.vals = []
    this.runKeys = []
    this.runSeqs = []
    this.runVals = []
    this.head = 0
  }

  /** the run's front comes before the heap's top */
  private runFirst(): boolean {
    return before(this.runKeys[this.head], this.runSeqs[this.head], this.keys[0], this.seqs[0])
  }

  private shiftRun(): T {
    const i = this.head++
    const v = this.runVals[i] as T
    this.runVals[i] = undefined
    if (this.head === this.runKeys.length) {
      this.runKeys.length = 0
      this.runSeqs.length = 0
      this.runVals.length = 0
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.runKeys.length) {
      this.runKeys = this.runKeys.slice(this.head)
      this.runSeqs = this.runSeqs.slice(this.head)
      this.runVals = this.runVals.slice(this.head)
      this.head = 0
    }
    return v
  }

  private popHeap(): T {
    const { keys, seqs, vals } = this
    const top = vals[0]
    const key = keys.pop() as number
    const seq = seqs.pop() as number
    const val = vals.pop() as T
    const n = vals.length
    if (n === 0) return top
    // sift the last entry down from the root, moving the hole instead of swapping
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      const m = r < n && before(keys[r], seqs[r], keys[l], seqs[l]) ? r : l
      if (!before(keys[m], seqs[m], key, seq)) break
      keys[i] = keys[m]
      seqs[i] = seqs[m]
      vals[i] = vals[m]
      i = m
    }
    keys[i] = key
    seqs[i] = seq
    vals[i] = val
    return top
  }

  private siftUp(i: number, key: number, seq: number, val: T): void {
    const { keys, seqs, vals } = this
    while (i > 0) {
      const p = (i - 1) >> 1
      if (before(keys[p], seqs[p], key, seq)) break
      keys[i] = keys[p]
      seqs[i] = seqs[p]
      vals[i] = vals[p]
      i = p
    }
    keys[i] = key
    seqs[i] = seq
    vals[i] = val
  }
}

/** (k1, s1) comes out before (k2, s2): by key, then insertion order (unique: never a tie) */
function before(k1: number, s1: number, k2: number, s2: number): boolean {
  return k1 < k2 || (k1 === k2 && s1 < s2)
}
