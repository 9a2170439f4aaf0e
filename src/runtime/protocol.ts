/** Messages between the scheduler worker and a thread worker (over a dedicated MessagePort). */
export type ToThread =
  | { type: 'calibrate' }
  /** run the kernel untimed so this thread's JIT has compiled it before the first measured job */
  | { type: 'warm' }
  | { type: 'run'; id: number; iters: number; gen: number }

export type FromThread =
  | { type: 'calibrated'; itersPerMs: number }
  | { type: 'warmed' }
  /** t: absolute ms (timeOrigin + now) when computation began / ended */
  | { type: 'start'; id: number; t: number }
  | { type: 'end'; id: number; t: number; completed: boolean; x: number }
