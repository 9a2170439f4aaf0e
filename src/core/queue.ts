/** FIFO queue with O(1) amortised push/shift (an array with a moving head). */
export class Queue<T> {
  private items: (T | undefined)[] = []
  private head = 0

  get length(): number {
    return this.items.length - this.head
  }

  push(item: T): void {
    this.items.push(item)
  }

  peek(): T | undefined {
    return this.items[this.head]
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined
    const item = this.items[this.head]
    this.items[this.head++] = undefined
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }

  count(pred: (item: T) => boolean): number {
    let n = 0
    for (let i = this.head; i < this.items.length; i++) if (pred(this.items[i] as T)) n++
    return n
  }

  *drain(): Generator<T> {
    while (this.length > 0) yield this.shift() as T
  }
}
