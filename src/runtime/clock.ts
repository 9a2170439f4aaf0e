/** One clock for every thread: absolute ms since the epoch, with the performance timer's resolution. */
export function absNow(): number {
  return performance.timeOrigin + performance.now()
}
