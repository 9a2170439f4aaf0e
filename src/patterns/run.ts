import type { TraceSink } from '../core/events'
import type { Executor } from '../core/goroutine'
import { makeJobs, type Job } from '../core/jobs'
import { Runtime } from '../core/runtime'
import type { Scenario } from '../core/scenario'
import type { ProgramCatalog } from './module'

/** Starts a scenario's program on an executor; returns the runtime (for Stop) — its `done` tells the end. */
export function startRun(catalog: ProgramCatalog, scenario: Scenario, exec: Executor, sink: TraceSink): Runtime {
  const mod = catalog.programOf(scenario.pattern)
  const rt = new Runtime(exec, sink, scenario.shared.timeScale, scenario.shared.seed)
  let jobs: Job[] | null = null
  void rt.main((main) =>
    mod.program(main, {
      scenario,
      shared: scenario.shared,
      params: scenario.params,
      jobs: () => (jobs ??= makeJobs(scenario.shared)),
    }),
  )
  return rt
}
