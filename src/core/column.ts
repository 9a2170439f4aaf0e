type TypedArray = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array
type Ctor<A extends TypedArray> = new (n: number) => A

/** A growable typed-array column (capacity doubles), for columnar trace storage. */
export class Column<A extends TypedArray> {
  data: A
  length = 0

  constructor(
    private readonly ctor: Ctor<A>,
    capacity = 64,
    private readonly fill = 0,
  ) {
    this.data = new ctor(capacity)
    if (fill !== 0) this.data.fill(fill)
  }

  push(v: number): number {
    if (this.length === this.data.length) this.grow(this.data.length * 2)
    this.data[this.length] = v
    return this.length++
  }

  /** Makes index `i` valid (new slots hold the fill value). */
  ensure(i: number): void {
    if (i < this.length) return
    if (i >= this.data.length) this.grow(Math.max(i + 1, this.data.length * 2))
    this.length = i + 1
  }

  get(i: number): number {
    return this.data[i]
  }

  /** Drops the first `k` entries (the rest move to the front). */
  shift(k: number): void {
    if (k <= 0) return
    k = Math.min(k, this.length)
    this.data.copyWithin(0, k, this.length)
    this.data.fill(this.fill, this.length - k, this.length)
    this.length -= k
  }

  /** Keeps only the entries whose index passes `keep`, in order; returns the old → new index map (−1 = gone). */
  compact(keep: (i: number) => boolean): Int32Array {
    const map = new Int32Array(this.length).fill(-1)
    let w = 0
    for (let r = 0; r < this.length; r++) {
      if (!keep(r)) continue
      this.data[w] = this.data[r]
      map[r] = w++
    }
    if (this.fill !== 0) this.data.fill(this.fill, w, this.length)
    else this.data.fill(0, w, this.length)
    this.length = w
    return map
  }

  /** Applies an index map made by compact() on a sibling column. */
  remap(map: Int32Array): void {
    let w = 0
    for (let r = 0; r < this.length && r < map.length; r++) {
      if (map[r] < 0) continue
      this.data[w++] = this.data[r]
    }
    this.data.fill(this.fill, w, this.length)
    this.length = w
  }

  private grow(capacity: number): void {
    const next = new this.ctor(capacity)
    if (this.fill !== 0) next.fill(this.fill)
    next.set(this.data)
    this.data = next
  }
}
