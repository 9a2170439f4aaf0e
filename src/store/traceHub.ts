import type { Trace } from '../core/trace'

/**
 * The high-frequency data lives here, outside React state: the current run's trace. Incoming event
 * batches are queued and applied once per animation frame; views subscribe and read the trace.
 */
type Listener = (trace: Trace | null) => void

let current: Trace | null = null
let pending: Float64Array[] = []
let frame = 0
const listeners = new Set<Listener>()

function notify(): void {
  for (const l of listeners) l(current)
}

function applyPending(): void {
  frame = 0
  if (!current || pending.length === 0) return
  for (const batch of pending) current.apply(batch)
  pending = []
  notify()
}

export const traceHub = {
  get(): Trace | null {
    return current
  },

  set(trace: Trace | null): void {
    if (frame) cancelAnimationFrame(frame)
    frame = 0
    pending = []
    current = trace
    notify()
  },

  /** Queues a batch; it is applied on the next animation frame together with any others. */
  push(batch: Float64Array): void {
    pending.push(batch)
    if (!frame) frame = requestAnimationFrame(applyPending)
  },

  /** Applies whatever is queued now (at the end of a run, or when the tab was hidden). */
  flush(): void {
    if (frame) cancelAnimationFrame(frame)
    applyPending()
  },

  /** Tells listeners the trace changed outside a batch (for example, it was closed). */
  touch(): void {
    notify()
  },

  subscribe(l: Listener): () => void {
    listeners.add(l)
    return () => listeners.delete(l)
  },
}
