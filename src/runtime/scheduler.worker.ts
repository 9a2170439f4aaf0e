/// <reference lib="webworker" />
import * as Comlink from 'comlink'
import { RunStatus } from '../core/events'
import type { Executor } from '../core/goroutine'
import { Recorder } from '../core/recorder'
import type { Runtime } from '../core/runtime'
import type { Scenario } from '../core/scenario'
import { PROGRAMS } from '../patterns/programs'
import { startRun } from '../patterns/run'
import { runVirtual, type VirtualRun } from '../patterns/theory'
import { RealExecutor } from './realExecutor'
import { ThreadPool } from './threadPool'

/**
 * The scheduler worker: runs the pattern program and its channels off the main thread, talks to
 * the thread workers over MessagePorts, and streams trace events to the page in batches (one every
 * FLUSH_MS at most, so the page sees at most one batch per frame).
 */
const FLUSH_MS = 16

/** A scenario's ideal schedule as recorded events, and the ms it took to compute. */
export interface PlannedRun extends VirtualRun {
  ms: number
}

/** One batch of the trace: events, the strings first used in them, and the end (error message or '') with the last batch. */
export interface Batch {
  events: Float64Array
  strings: [number, string][]
  end: { error: string } | null
}

let pool: ThreadPool | null = null
let current: Runtime | null = null
let warmed: Promise<void> | null = null

/**
 * Runs `scenario` on `exec`, recording its trace and sending it to `onBatch` in batches (at most one
 * every FLUSH_MS; the last one carries the end). Returns the run's runtime.
 */
function record(scenario: Scenario, exec: Executor, onBatch: (batch: Batch) => void): Runtime {
  const rec = new Recorder()
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = (end: { error: string } | null = null) => {
    timer = null
    if (rec.size === 0 && !end) return
    const { events, strings } = rec.take()
    onBatch(Comlink.transfer({ events, strings, end }, [events.buffer]))
  }
  const sink = {
    event(op: number, t: number, a: number, b: number, c: number, d: number) {
      rec.event(op, t, a, b, c, d)
      if (timer === null) timer = setTimeout(flush, FLUSH_MS)
    },
    string(id: number, text: string) {
      rec.string(id, text)
    },
  }
  const rt = startRun(PROGRAMS, scenario, exec, sink)
  void rt.done.then(({ error }) => {
    if (timer !== null) clearTimeout(timer)
    flush({ error: error ?? '' })
  })
  return rt
}

/**
 * Small real runs whose traces are thrown away, once, when the worker starts: spawning, timers,
 * channels and the recorder then run as compiled code in the first measured run too, instead of
 * in V8's interpreter (a first 10,000-goroutine run took about twice as long as the ones after it).
 * The thread workers' kernel is warmed the same way (kernel.ts: warm).
 */
async function warmRuns(threads: ThreadPool): Promise<void> {
  for (const scenario of PROGRAMS.warmUps()) {
    const rt = record(scenario, new RealExecutor(threads), () => {})
    await rt.done
  }
}

const api = {
  /** New thread workers: one port each, plus the shared cancel flag when cross-origin isolated. */
  attach(ports: MessagePort[], cancel: SharedArrayBuffer | null, itersPerMs: number): void {
    pool = new ThreadPool(ports, cancel ? new Int32Array(cancel) : null)
    pool.itersPerMs = itersPerMs
  },

  /** Measures the threads' cpu rate; the first time, also warms this worker's run path (see warmRuns). */
  async calibrate(): Promise<number> {
    if (!pool) throw new Error('no threads attached')
    const rate = await pool.calibrate()
    await (warmed ??= warmRuns(pool))
    return rate
  },

  warm(): Promise<void> {
    if (!pool) throw new Error('no threads attached')
    return pool.warm()
  },

  /** Starts a run; returns its origin (absolute ms) and the cpu rate it uses. Batches go to `onBatch`; the last one carries `end`. */
  run(scenario: Scenario, onBatch: (batch: Batch) => void): { origin: number; itersPerMs: number } {
    if (!pool) throw new Error('no threads attached')
    if (current && !current.ended) current.stop()
    const exec = new RealExecutor(pool)
    current = record(scenario, exec, onBatch)
    return { origin: exec.origin, itersPerMs: exec.itersPerMs }
  },

  /**
   * The ideal schedule of a scenario: its program on a virtual clock (the same code, zero overhead).
   * The page asks only while no run is being timed here, so it never disturbs a measurement.
   */
  async plan(scenario: Scenario, cpus: number): Promise<PlannedRun> {
    const t0 = performance.now()
    const run = await runVirtual(PROGRAMS, scenario, cpus)
    const out = { ...run, ms: performance.now() - t0 }
    return Comlink.transfer(out, [run.events.buffer])
  },

  /** Ends the current run at once: timers cleared, thread work abandoned, trace closed. */
  stop(): void {
    current?.stop(RunStatus.Stopped)
  },

  /** Ends the current run as failed (for example, a thread worker died). */
  fail(message: string): void {
    current?.stop(RunStatus.Failed, message)
  },
}

export type SchedulerApi = typeof api

Comlink.expose(api)
