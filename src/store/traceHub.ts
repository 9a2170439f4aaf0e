import type { Trace } from '../core/trace'

/**
 * The high-frequency data lives here, outside React state: the current run's trace and the ideal
 * schedule it is drawn over. Incoming batches are queued and applied once per animation frame;
 * views subscribe and read the trace.
 */
type Listener = (trace: Trace | null) => void

interface PendingBatch {
  events: Float64Array
  strings: [number, string][]
}

let current: Trace | null = null
let theory: Trace | null = null
let pending: PendingBatch[] = []
let frame = 0
const listeners = new Set<Listener>()

function notify(): void {
  for (const l of listeners) l(current)
}

function applyPending(): void {
  frame = 0
  if (!current || pending.length === 0) return
  for (const b of pending) current.apply(b.events, b.strings)
  pending = []
  // a run that goes on until Stop keeps a window of detail: compact once a quarter more has piled up
  if (current.retainMs > 0 && current.lastT - current.base > current.retainMs * 1.25) current.compact(current.lastT - current.retainMs)
  notify()
}

export const traceHub = {
  get(): Trace | null {
    return current
  },

  /** The ideal schedule of the current trace's scenario (null until computed). */
  theory(): Trace | null {
    return theory
  },

  set(trace: Trace | null, theoryTrace: Trace | null = null): void {
    if (frame) cancelAnimationFrame(frame)
    frame = 0
    pending = []
    current = trace
    theory = theoryTrace
    notify()
  },

  /** Attaches the ideal schedule once it is known (it may arrive after the run started). */
  setTheory(t: Trace | null): void {
    theory = t
    notify()
  },

  /** Queues a batch; it is applied on the next animation frame together with any others. */
  push(batch: PendingBatch): void {
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
