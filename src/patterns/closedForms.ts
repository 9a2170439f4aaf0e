/**
 * Closed forms shared by several modules' expectations. They never run a program: they are the
 * independent arithmetic the ideal schedule is held to.
 */

/** FIFO list scheduling of io jobs over P workers: each job goes to the worker that is free first. */
export function listSchedule(durations: readonly number[], P: number): number {
  const free = Array.from({ length: Math.max(1, P) }, () => 0)
  let makespan = 0
  for (const d of durations) {
    let k = 0
    for (let i = 1; i < free.length; i++) if (free[i] < free[k]) k = i
    free[k] += d
    makespan = Math.max(makespan, free[k])
  }
  return makespan
}

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0)
}
