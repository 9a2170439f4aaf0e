/**
 * Trace events on the wire: flat Float64Array records of EVENT_WIDTH numbers
 * [op, t, a, b, c, d], t in real ms since the run's origin.
 */
export const EVENT_WIDTH = 6

export const Op = {
  /** a = goroutine id, b = role, c = index within role (worker #, job #), d = parent id */
  Spawn: 1,
  /** a = goroutine id, b = state, c = job (−1), d = thread (Running) | planned real ms (Io) | −1 */
  State: 2,
  /** a = goroutine id, b = 0 returned · 1 cancelled */
  Exit: 3,
  /** a = job, b = goroutine: the job was handed to its goroutine (dispatch) */
  JobBegin: 4,
  /** a = job, b = goroutine, c = 0 done · 1 cancelled */
  JobEnd: 5,
  /** a = job, b = thread: the cpu segment was posted to a thread */
  Handoff: 6,
  /** a = len, b = cap: the jobs channel's buffer length changed */
  ChanLen: 7,
  /** a = batch index: wg.Wait() returned after that batch */
  Barrier: 8,
  /** a = status (RunStatus) */
  RunEnd: 9,
} as const

export const State = {
  Running: 0,
  Runnable: 1,
  Io: 2,
  BlockedSend: 3,
  BlockedRecv: 4,
  Barrier: 5,
  /** the goroutine's own (instant) orchestration: spawning, looping */
  Active: 6,
} as const
export type StateCode = (typeof State)[keyof typeof State]

export const STATE_NAMES = ['running', 'runnable', 'io wait', 'blocked send', 'blocked recv', 'barrier wait', 'active'] as const

export const Role = { Main: 0, Producer: 1, Worker: 2, Job: 3 } as const
export const ROLE_NAMES = ['main', 'producer', 'worker', 'job'] as const

export const RunStatus = { Done: 0, Stopped: 1, Failed: 2 } as const
