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
/** in a hidden tab there are no animation frames: batches are applied on a slow timer instead */
let timer: ReturnType<typeof setTimeout> | null = null
const HIDDEN_APPLY_MS = 500
const listeners = new Set<Listener>()
/** told when the timeline has drawn a frame of the run (see `drawn`) */
const drawnListeners = new Set<(at: number) => void>()

function notify(): void {
  for (const l of listeners) l(current)
}

function cancelFrame(): void {
  if (frame) cancelAnimationFrame(frame)
  if (timer) clearTimeout(timer)
  frame = 0
  timer = null
}

function applyPending(): void {
  cancelFrame()
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
    cancelFrame()
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

  /**
   * Queues a batch of `trace` (a batch of a run no longer on screen is dropped); it is applied on the
   * next animation frame together with any others, or, in a hidden tab, within half a second (so a
   * long run in a background tab keeps its memory bounded and its numbers current).
   */
  push(batch: PendingBatch, trace: Trace): void {
    if (trace !== current) return
    pending.push(batch)
    if (frame || timer) return
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') timer = setTimeout(applyPending, HIDDEN_APPLY_MS)
    else frame = requestAnimationFrame(applyPending)
  },

  /** Applies whatever is queued now (at the end of a run). */
  flush(): void {
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

  /**
   * Called by the timeline inside the animation frame in which it drew the run: live (`at` =
   * Infinity, all of the trace so far), or a replay at `at` (real ms since the run's origin). What
   * else shows the run (the numbers) can refresh in the same frame, so that the screen shows one
   * moment of it.
   */
  drawn(at = Infinity): void {
    for (const l of drawnListeners) l(at)
  },

  onDrawn(l: (at: number) => void): () => void {
    drawnListeners.add(l)
    return () => drawnListeners.delete(l)
  },
}

// a frame asked for just before the tab was hidden would wait until it is shown again
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && frame && pending.length > 0) {
      cancelAnimationFrame(frame)
      frame = 0
      timer = setTimeout(applyPending, HIDDEN_APPLY_MS)
    }
  })
}
