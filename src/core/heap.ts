/** Binary min-heap ordered by (key, insertion order): equal keys come out first-in, first-out. */
export class MinHeap<T> {
  private keys: number[] = []
  private seqs: number[] = []
  private vals: T[] = []
  private seq = 0

  get size(): number {
    return this.vals.length
  }

  peekKey(): number {
    return this.keys.length > 0 ? this.keys[0] : Infinity
  }

  push(key: number, val: T): void {
    this.keys.push(key)
    this.seqs.push(this.seq++)
    this.vals.push(val)
    let i = this.vals.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(i, p)) break
      this.swap(i, p)
      i = p
    }
  }

  pop(): T | undefined {
    const n = this.vals.length
    if (n === 0) return undefined
    const top = this.vals[0]
    this.swap(0, n - 1)
    this.keys.pop()
    this.seqs.pop()
    this.vals.pop()
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < n - 1 && this.less(l, m)) m = l
      if (r < n - 1 && this.less(r, m)) m = r
      if (m === i) break
      this.swap(i, m)
      i = m
    }
    return top
  }

  clear(): void {
    this.keys = []
    this.seqs = []
    this.vals = []
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.seqs[a] < this.seqs[b])
  }

  private swap(a: number, b: number): void {
    ;[this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]]
    ;[this.seqs[a], this.seqs[b]] = [this.seqs[b], this.seqs[a]]
    ;[this.vals[a], this.vals[b]] = [this.vals[b], this.vals[a]]
  }
}
