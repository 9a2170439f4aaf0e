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
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2)
      if (this.fill !== 0) next.fill(this.fill)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length] = v
    return this.length++
  }
}
