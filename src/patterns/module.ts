import type { Goroutine } from '../core/goroutine'
import type { Job } from '../core/jobs'
import type { ParamSpec, ParamValues } from '../core/params'
import type { Claim, PatternSchema, Preset, Scenario } from '../core/scenario'
import type { SharedKey, SharedValues } from '../core/shared'
import type { Trace } from '../core/trace'

/** What a program is given besides its main goroutine. */
export interface ProgramInput<P> {
  scenario: Scenario
  shared: SharedValues
  params: P
  /** the shared workload (N items from shared settings): built on first use */
  jobs(): Job[]
}

/** A pattern's program: the body of its main goroutine. It returns when the program is done, as Go's main does. */
export type Program<P> = (main: Goroutine, input: ProgramInput<P>) => Promise<void>

/**
 * An independent statement about the ideal schedule, from a closed form that does not run the
 * program (Σd, max, Σ of batch maxima, the bottleneck stage, a recurrence). Tests hold the theory to it.
 */
export interface Expectation {
  what: string
  /** 'makespan' (scenario ms), 'jobs' (jobs done), 'goroutines' (spawned in all), or 'peak goroutines' */
  metric: 'makespan' | 'jobs' | 'goroutines' | 'peak goroutines'
  value: number
  /** '=' up to rounding (default), or a bound */
  relation?: '=' | '>=' | '<='
}

/** A stage of a stage graph (pipeline): the goroutines of `group` read `input` and write `output`. */
export interface StageNode {
  name: string
  /** goroutine group of its workers in the trace */
  group: string
  workers: number
  /** scenario ms of work per item */
  cost: number
  input: string | null
  output: string | null
  /** the stage with the lowest capacity (W / cost): it sets the pace */
  bottleneck: boolean
}

/** Extra views a pattern asks for; generic renderers in viz/ draw them from the trace. */
export type ViewSpec =
  /** a strip under the timeline: a channel's len against its cap (with parked senders and receivers), or a WaitGroup's counter */
  | { type: 'strip'; resource: string; caption: string }
  /** boxes per stage with a gauge on every channel between them; the bottleneck stage highlighted */
  | { type: 'stages'; stages(s: Scenario): StageNode[] }
  /** rolling rates, queue depth and latency of a run that goes on until Stop */
  | { type: 'rolling'; resource: string; produced: string; consumed: string }

/**
 * What runs: a pattern's program and what the runtime must know to run it. It lives in the
 * pattern's `program.ts`, apart from the module: the scheduler worker imports the programs (see
 * programs.ts) and none of what the page shows; the page imports the modules (registry.ts) and
 * none of the programs, which it never runs.
 */
export interface PatternProgram<P = ParamValues> {
  id: string
  program: Program<P>
  /** runs until Stop (no fixed number of items) */
  continuous?(params: P): boolean
  /**
   * A run of `n` io jobs of 1 ms that the scheduler worker makes once when it starts, its trace thrown
   * away, so that the code this pattern's runs go through is already compiled in the first measured
   * run (see scheduler.worker.ts: warmRuns).
   */
  warmUp?: { n: number; params: ParamValues }
}

/** Where a run finds the program of a scenario's pattern (PROGRAMS, or a test's own catalog). */
export interface ProgramCatalog {
  /** throws for an unknown pattern (scenarios are checked on the way in) */
  programOf(id: string): PatternProgram
}

/** What the page knows of a pattern: everything but the program (in the same folder: program.ts). */
export interface PatternModule<P = ParamValues> extends PatternSchema {
  /** shown on the pattern button */
  short: string
  /** one line: what to look for on the timeline */
  lesson: string
  params: readonly ParamSpec[]
  /** the shared workload and machine settings that matter with these parameters */
  uses(params: P, shared: SharedValues): readonly SharedKey[]
  /** named parameter sets from the talk, with the numbers they must reproduce */
  presets: readonly Preset[]
  /**
   * What the talk says about its presets, by preset id (claims.ts): loaded when a scene's claims are
   * first shown, so the first page does without the text. None for a pattern without presets.
   */
  claims?(): Promise<Readonly<Record<string, readonly Claim[]>>>
  views: readonly ViewSpec[]
  /**
   * Closed forms the theory is held to (they may say nothing for some settings), from its
   * expectations.ts. Loaded on demand: tests hold the theory to them; the page does not show them.
   */
  expectations(): Promise<(s: Scenario) => Expectation[]>
  /** the scenario in one line, for captions: "100 items × 50 ms · worker pool P = 10 · buffer 10" */
  summary(s: Scenario): string
  /** runs until Stop (no fixed number of items): the function its program.ts gives the runtime too */
  continuous?(params: P): boolean
  /** these parameters can end in a deadlock on purpose (a trap the pattern demonstrates) */
  mayDeadlock?(params: P): boolean
  /** lanes worth highlighting in a trace (the critical path) */
  highlight?(trace: Trace): number[]
  /** keys its parameters had in version-1 links */
  v1Keys?: readonly string[]
  /**
   * The program as Go, for the code panel: what a learner reads. Lines a goroutine waits on end in
   * `//@ who what [resource]` tags (see core/gosource.ts) so the panel can mark where each one is.
   * Loaded when the panel opens (`() => import('./go')`): neither the first page nor the workers carry it.
   */
  go(): Promise<string>
}

/** Typed definition of a module; the registry holds them with plain parameter values. */
export function definePattern<P>(m: PatternModule<P>): PatternModule {
  return m as unknown as PatternModule
}
