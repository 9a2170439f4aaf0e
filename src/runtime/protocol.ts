/** Messages between the scheduler worker and a thread worker (over a dedicated MessagePort). */
export type ToThread =
  | { type: 'calibrate' }
  /** run the kernel untimed so this thread's JIT has compiled it before the first measured job */
  | { type: 'warm' }
  | { type: 'run'; id: number; iters: number; gen: number }

/**
 * A thread's mailbox when the page is cross-origin isolated: the scheduler writes a command into
 * shared memory and wakes the thread with Atomics.notify (a thread waits in Atomics.wait), which
 * hands a job over several times faster than a message. Replies still come as messages.
 * Int32 slots: SEQ (bumped per command), CMD, ID, GEN; a Float64 at byte 16: ITERS.
 */
export const MAILBOX_BYTES = 24
export const MB = { SEQ: 0, CMD: 1, ID: 2, GEN: 3 } as const
/** byte offset of ITERS (a Float64: a long job has more than 2^31 iterations) */
export const MB_ITERS_BYTE = 16
export const CMD = { calibrate: 1, warm: 2, run: 3 } as const

export type FromThread =
  | { type: 'calibrated'; itersPerMs: number }
  | { type: 'warmed' }
  /** t: absolute ms (timeOrigin + now) when computation began / ended */
  | { type: 'start'; id: number; t: number }
  | { type: 'end'; id: number; t: number; completed: boolean; x: number }
