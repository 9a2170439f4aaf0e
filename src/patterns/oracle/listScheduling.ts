/**
 * TEST ORACLE ONLY: the hand-written discrete-event simulation the app used as its theory before
 * the theory became the pattern programs themselves on a virtual clock. Tests hold the virtual runs
 * of the four original patterns to it, job by job. Nothing in the app imports this file.
 */
import { MinHeap } from '../../core/heap'
import { Queue } from '../../core/queue'
import type { Job } from '../../core/jobs'

type PatternId = 'sequential' | 'unbounded' | 'batches' | 'pool'

/** Ideal (zero-overhead) schedule of one job, scenario ms. `lane` is the goroutine id the job runs on. */
export interface TheoryJob {
  begin: number
  /** when its cpu segment got a thread (= begin when no wait; NaN without cpu) */
  cpuStart: number
  end: number
  lane: number
}

export interface Theory {
  jobs: TheoryJob[]
  makespan: number
  /** Σ of all durations: what one goroutine doing everything would take */
  sequential: number
  /** batch barriers (wg.Wait returns), scenario ms */
  barriers: number[]
  /** goroutine ids in spawn order: 0 = main (see patterns/ for who spawns whom) */
  lanes: number
}

export interface TheoryParams {
  pool: number
  batch: number
  threads: number
}

/**
 * The ideal schedule, computed by a discrete-event simulation with no overhead:
 * sequential = Σd; unbounded = all begin at 0; batches = Σ over batches of the batch's max;
 * pool = FIFO list scheduling over P workers. Cpu segments also queue FIFO for T threads.
 */
export function computeTheory(pattern: PatternId, jobs: Job[], p: TheoryParams): Theory {
  const n = jobs.length
  const out: TheoryJob[] = jobs.map(() => ({ begin: NaN, cpuStart: NaN, end: NaN, lane: 0 }))
  const events = new MinHeap<() => void>()
  const runq = new Queue<number>()
  const barriers: number[] = []
  let now = 0
  let freeThreads = Math.max(1, p.threads)
  let onFinish: (i: number) => void = () => {}

  const begin = (i: number, lane: number): void => {
    out[i].begin = now
    out[i].lane = lane
    if (jobs[i].cpu > 0) runq.push(i)
    else events.push(now + jobs[i].io, () => finish(i))
  }
  const finish = (i: number): void => {
    out[i].end = now
    onFinish(i)
  }
  const dispatch = (): void => {
    while (freeThreads > 0 && runq.length > 0) {
      const i = runq.shift() as number
      freeThreads--
      out[i].cpuStart = now
      events.push(now + jobs[i].cpu, () => {
        freeThreads++
        events.push(now + jobs[i].io, () => finish(i))
      })
    }
  }

  let lanes = 1
  if (pattern === 'sequential') {
    onFinish = (i) => i + 1 < n && begin(i + 1, 0)
    if (n > 0) begin(0, 0)
  } else if (pattern === 'unbounded') {
    lanes = 1 + n
    for (let i = 0; i < n; i++) begin(i, 1 + i)
  } else if (pattern === 'batches') {
    lanes = 1 + n
    const B = Math.max(1, p.batch)
    let left = 0
    let next = 0
    const startBatch = (): void => {
      const end = Math.min(n, next + B)
      left = end - next
      for (; next < end; next++) begin(next, 1 + next)
    }
    onFinish = () => {
      if (--left > 0) return
      barriers.push(now)
      if (next < n) startBatch()
    }
    if (n > 0) startBatch()
  } else {
    const P = Math.max(1, p.pool)
    lanes = 2 + P
    let next = 0
    onFinish = (i) => next < n && begin(next++, out[i].lane)
    for (let w = 0; w < P && next < n; w++) begin(next++, 2 + w)
  }

  dispatch()
  while (events.size > 0) {
    now = events.peekKey()
    while (events.size > 0 && events.peekKey() === now) (events.pop() as () => void)()
    dispatch()
  }
  const makespan = out.reduce((m, j) => Math.max(m, j.end), 0)
  const sequential = jobs.reduce((s, j) => s + j.cpu + j.io, 0)
  return { jobs: out, makespan, sequential, barriers, lanes }
}
