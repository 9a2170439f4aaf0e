/**
 * Trace events on the wire: flat Float64Array records of EVENT_WIDTH numbers [op, t, a, b, c, d],
 * t in real ms since the run's origin. Text (goroutine, group, resource names, reasons) travels in a
 * string table: an id here, its text defined once through TraceSink.string.
 */
export const EVENT_WIDTH = 6

/** Writes one event record at offset `o` of `rows` (the one place that knows the field order). */
export function putEvent(rows: Float64Array, o: number, op: number, t: number, a: number, b: number, c: number, d: number): void {
  rows[o] = op
  rows[o + 1] = t
  rows[o + 2] = a
  rows[o + 3] = b
  rows[o + 4] = c
  rows[o + 5] = d
}

/**
 * A goroutine name that ends in a number ("go #17", "worker 3") travels as the string id of its stem
 * ("go #") plus NAME_NUMBER × (number + 1): goroutines spawned in a loop add one string to the trace,
 * not one each (interning 10,000 unique names took about half the time of spawning them).
 */
export const NAME_NUMBER = 2 ** 20

/** The string id of a Spawn event's name field: the whole name, or its stem (−1 = none). */
export function nameStem(b: number): number {
  return b >= NAME_NUMBER ? b % NAME_NUMBER : b
}

/** The number a Spawn event's name field ends in (−1 = none). */
export function nameNumber(b: number): number {
  return b >= NAME_NUMBER ? Math.floor(b / NAME_NUMBER) - 1 : -1
}

export const Op = {
  /**
   * a = goroutine id, b = name (string id; see NAME_NUMBER for names that end in a number),
   * c = group (string id, −1 = none), d = parent id
   */
  Spawn: 1,
  /**
   * a = goroutine id, b = state, c = job (−1), d = aux: the thread for Running, the planned real ms
   * for Io and Sleep, the resource waited on for the blocked states, else −1
   */
  State: 2,
  /** a = goroutine id, b = Exit code, c = reason (string id, −1) */
  Exit: 3,
  /** a = job id, b = goroutine, c = planned cpu scenario ms, d = planned io scenario ms */
  JobBegin: 4,
  /** a = job id, b = item id, c = label (string id, −1), d = group of the job (string id, −1) */
  JobInfo: 5,
  /** a = job id, b = goroutine, c = JobStatus, d = reason (string id, −1) */
  JobEnd: 6,
  /** a = job id, b = thread: its cpu segment was posted to that thread (dispatch) */
  CpuPost: 7,
  /** a = resource id, b = ResourceKind, c = name (string id), d = capacity (−1 = none) */
  Resource: 8,
  /** a = resource id, b = value (channel len, WaitGroup counter, tokens in use, counter), c = parked senders / waiters, d = parked receivers */
  Sample: 9,
  /** a = channel, b = sender goroutine, c = item id: a value entered the channel's buffer */
  Buffered: 10,
  /** a = channel, b = sender, c = receiver, d = item id: a direct handoff (the value never sat in the buffer) */
  Handoff: 11,
  /** a = channel, b = original sender, c = receiver, d = item id: a value taken out of the buffer */
  Delivered: 12,
  /** a = mark kind (string id), b = goroutine (−1), c = resource (−1), d = value: an instant (barrier, close, cancel, …) */
  Mark: 13,
  /** a = RunStatus, b = reason (string id, −1) */
  RunEnd: 14,
} as const

export const State = {
  Running: 0,
  Runnable: 1,
  Io: 2,
  BlockedSend: 3,
  BlockedRecv: 4,
  /** wg.Wait() and other barriers */
  Barrier: 5,
  /** the goroutine's own (instant) orchestration: spawning, looping */
  Active: 6,
  /** a thread finished its cpu work; the goroutine has not resumed yet (message latency) */
  Waking: 7,
  /** time.Sleep or a ticker: a wait that is not part of a job */
  Sleep: 8,
  /** waiting for a semaphore token or a pool connection */
  Acquire: 9,
  /** parked in a select on several channels */
  Select: 10,
} as const
export type StateCode = (typeof State)[keyof typeof State]

export const STATE_NAMES = [
  'running', 'runnable', 'io wait', 'blocked send', 'blocked recv', 'barrier wait', 'active', 'waking',
  'sleep', 'acquire wait', 'select wait',
] as const

/** States in which a goroutine is parked on a resource (aux = that resource). */
export const BLOCKED_STATES: ReadonlySet<number> = new Set([State.BlockedSend, State.BlockedRecv, State.Barrier, State.Acquire, State.Select])

export const Exit = { Returned: 0, Cancelled: 1, Panicked: 2 } as const

export const JobStatus = { Done: 0, Cancelled: 1, Failed: 2, Dropped: 3 } as const
export const JOB_STATUS_NAMES = ['done', 'cancelled', 'failed', 'dropped'] as const

export const ResourceKind = { Chan: 0, WaitGroup: 1, Semaphore: 2, Counter: 3 } as const
export const RESOURCE_KIND_NAMES = ['chan', 'waitgroup', 'semaphore', 'counter'] as const

export const RunStatus = { Done: 0, Stopped: 1, Failed: 2 } as const

/** Where a runtime's events go: numbers, and each new string once. */
export interface TraceSink {
  event(op: number, t: number, a: number, b: number, c: number, d: number): void
  string(id: number, text: string): void
}
