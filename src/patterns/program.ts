import type { Goroutine } from '../core/goroutine'
import type { Job } from '../core/jobs'
import type { Scenario } from '../core/scenario'

export interface PatternInput {
  jobs: Job[]
  scenario: Scenario
}

/** The body of a pattern's main goroutine. It returns when the program is done, as Go's main does. */
export type PatternProgram = (main: Goroutine, input: PatternInput) => Promise<void>
