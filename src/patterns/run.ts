import type { EventSink, Executor } from '../core/goroutine'
import { Runtime } from '../core/goroutine'
import type { Job } from '../core/jobs'
import type { Scenario } from '../core/scenario'
import { PROGRAMS } from './index'

/** Starts a scenario's program on an executor; returns the runtime (for Stop) and its end. */
export function startRun(scenario: Scenario, jobs: Job[], exec: Executor, sink: EventSink): Runtime {
  const rt = new Runtime(exec, sink, scenario.timeScale)
  const program = PROGRAMS[scenario.pattern]
  void rt.main((main) => program(main, { jobs, scenario }))
  return rt
}
