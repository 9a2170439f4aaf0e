/** Messages between the scheduler worker and a thread worker (over a dedicated MessagePort). */
export type ToThread =
  | { type: 'calibrate' }
  | { type: 'run'; id: number; iters: number; gen: number }
  | { type: 'crash' }

export type FromThread =
  | { type: 'calibrated'; itersPerMs: number }
  /** t: absolute ms (timeOrigin + now) when computation began / ended */
  | { type: 'start'; id: number; t: number }
  | { type: 'end'; id: number; t: number; completed: boolean; x: number }
