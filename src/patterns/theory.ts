import { RunStatus } from '../core/events'
import { Recorder } from '../core/recorder'
import type { Scenario } from '../core/scenario'
import { Trace, type TraceMeta } from '../core/trace'
import { VirtualExecutor } from '../core/virtual'
import type { ProgramCatalog } from './module'
import { startRun } from './run'

/** A continuous pattern's ideal schedule covers this much scenario time (a live run keeps as much in detail). */
export const CONTINUOUS_HORIZON_MS = 60_000

export interface VirtualRun {
  events: Float64Array
  strings: [number, string][]
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Runs a scenario's program on a virtual clock: the ideal schedule with zero overhead, the same
 * code that runs for real. The whole run happens in microtasks (time jumps whenever no goroutine is
 * runnable), so by the next macrotask it has ended, reached its horizon, or stalled on something
 * outside the runtime. `cpus` threads serve cpu work.
 */
export async function runVirtual(catalog: ProgramCatalog, scenario: Scenario, cpus: number): Promise<VirtualRun> {
  const exec = new VirtualExecutor(cpus)
  const mod = catalog.programOf(scenario.pattern)
  if (mod.continuous?.(scenario.params as never)) exec.horizon = CONTINUOUS_HORIZON_MS * scenario.shared.timeScale
  const rec = new Recorder()
  const rt = startRun(catalog, scenario, exec, rec)
  await macrotask()
  if (!rt.ended) {
    if (exec.reachedHorizon) rt.stop(RunStatus.Stopped)
    else rt.stop(RunStatus.Failed, 'the program stalled: it waited for something outside the Go-like runtime')
  }
  await rt.done
  return rec.take()
}

/** Meta of a theory trace. */
export function theoryMeta(threads: number, hardwareConcurrency: number): TraceMeta {
  return { threads, hardwareConcurrency, crossOriginIsolated: false, itersPerMs: 0, startedAt: 0, source: 'theory' }
}

/** A trace from a virtual run's events. */
export function traceOf(scenario: Scenario, meta: TraceMeta, run: VirtualRun): Trace {
  const tr = new Trace(scenario, meta)
  tr.apply(run.events, run.strings)
  return tr
}

/** Events applied per slice when a trace is built without blocking the page. */
const SLICE = 16_384 * 6

/**
 * A trace from a virtual run's events, built in slices with a macrotask between them, so that a
 * long ideal schedule (a 10,000-job pool, two minutes of a continuous run) never blocks the page.
 */
export async function traceOfInSlices(scenario: Scenario, meta: TraceMeta, run: VirtualRun, yieldToPage: () => Promise<void>): Promise<Trace> {
  const tr = new Trace(scenario, meta)
  tr.apply(new Float64Array(0), run.strings)
  for (let i = 0; i < run.events.length; i += SLICE) {
    if (i > 0) await yieldToPage()
    tr.apply(run.events.subarray(i, i + SLICE))
  }
  return tr
}

/** The ideal schedule of a scenario as a trace (for tests, and inside the theory worker). */
export async function planTrace(catalog: ProgramCatalog, scenario: Scenario, threads: number, hardwareConcurrency = threads): Promise<Trace> {
  const run = await runVirtual(catalog, scenario, threads)
  return traceOf(scenario, theoryMeta(threads, hardwareConcurrency), run)
}
