import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario'
import { planScenario } from '../core/theory'
import { Trace } from '../core/trace'
import { VirtualExecutor } from '../core/virtual'
import { startRun } from './run'

/** Runs a scenario under virtual time (exact, deterministic) and returns its trace. For tests. */
export async function runVirtual(partial: Partial<Scenario>, threads = 2): Promise<Trace> {
  const scenario: Scenario = { ...DEFAULT_SCENARIO, ...partial }
  const { jobs, theory } = planScenario(scenario, threads)
  const trace = new Trace(scenario, jobs, theory, {
    threads, hardwareConcurrency: threads, crossOriginIsolated: false, itersPerMs: 1, startedAt: 0,
  })
  const exec = new VirtualExecutor(threads)
  const events: number[] = []
  const rt = startRun(scenario, jobs, exec, (...e) => events.push(...e))
  await exec.runUntilIdle()
  await rt.done
  trace.apply(Float64Array.from(events))
  return trace
}
