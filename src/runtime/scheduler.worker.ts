/// <reference lib="webworker" />
import * as Comlink from 'comlink'
import { RunStatus } from '../core/events'
import type { Runtime } from '../core/goroutine'
import { makeJobs } from '../core/jobs'
import type { Scenario } from '../core/scenario'
import { startRun } from '../patterns/run'
import { RealExecutor } from './realExecutor'
import { ThreadPool } from './threadPool'

/**
 * The scheduler worker: runs the pattern program and its channels off the main thread, talks to
 * the thread workers over MessagePorts, and streams trace events to the page in batches (one every
 * FLUSH_MS at most, so the page sees at most one batch per frame).
 */
const FLUSH_MS = 16

let pool: ThreadPool | null = null
let current: Runtime | null = null

const api = {
  /** New thread workers: one port each, plus the shared cancel flag when cross-origin isolated. */
  attach(ports: MessagePort[], cancel: SharedArrayBuffer | null, itersPerMs: number): void {
    pool = new ThreadPool(ports, cancel ? new Int32Array(cancel) : null)
    pool.itersPerMs = itersPerMs
  },

  calibrate(): Promise<number> {
    if (!pool) throw new Error('no threads attached')
    return pool.calibrate()
  },

  warm(): Promise<void> {
    if (!pool) throw new Error('no threads attached')
    return pool.warm()
  },

  /**
   * Starts a run; returns its origin (absolute ms). Events go to `onBatch`; the last batch (ending
   * with RunEnd) comes with `end`, which carries the error message of a failed run ('' otherwise).
   */
  run(scenario: Scenario, onBatch: (batch: Float64Array, end: { error: string } | null) => void): number {
    if (!pool) throw new Error('no threads attached')
    if (current && !current.isEnded) current.stop()
    let buf: number[] = []
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = (end: { error: string } | null = null) => {
      timer = null
      if (buf.length === 0 && !end) return
      const batch = Float64Array.from(buf)
      buf = []
      onBatch(Comlink.transfer(batch, [batch.buffer]), end)
    }
    const exec = new RealExecutor(pool)
    const rt = startRun(scenario, makeJobs(scenario), exec, (op, t, a, b, c, d) => {
      buf.push(op, t, a, b, c, d)
      if (timer === null) timer = setTimeout(flush, FLUSH_MS)
    })
    current = rt
    void rt.done.then(({ error }) => {
      if (timer !== null) clearTimeout(timer)
      flush({ error: error ? (error instanceof Error ? error.message : String(error)) : '' })
    })
    return exec.origin
  },

  /** Ends the current run at once: timers cleared, thread work abandoned, trace closed. */
  stop(): void {
    current?.stop(RunStatus.Stopped)
  },

  /** Ends the current run as failed (for example, a thread worker died). */
  fail(message: string): void {
    current?.stop(RunStatus.Failed, new Error(message))
  },

  /** Test hook: thread k throws. */
  crashThread(k: number): void {
    pool?.crash(k)
  },
}

export type SchedulerApi = typeof api

Comlink.expose(api)
