import type { Scenario } from '../core/scenario'
import { DEFAULT_SHARED } from '../core/shared'
import type { PatternProgram, ProgramCatalog } from './module'
import { BATCHES_PROGRAM } from './batches/program'
import { DAG_PROGRAM } from './dag/program'
import { FANOUT_PROGRAM } from './fanout/program'
import { PIPELINE_PROGRAM } from './pipeline/program'
import { POOL_PROGRAM } from './pool/program'
import { PRODCONS_PROGRAM } from './prodcons/program'
import { SEQUENTIAL_PROGRAM } from './sequential/program'
import { UNBOUNDED_PROGRAM } from './unbounded/program'

/** Programs by pattern id (each typed for its own parameters: held here with plain parameter values). */
export class Programs implements ProgramCatalog {
  private byId = new Map<string, PatternProgram>()

  constructor(readonly programs: readonly PatternProgram<never>[]) {
    for (const p of programs) {
      if (this.byId.has(p.id)) throw new Error(`pattern id ${p.id} is used twice`)
      this.byId.set(p.id, p as unknown as PatternProgram)
    }
  }

  /** The warm-up runs of the programs that have one (PatternProgram.warmUp). */
  warmUps(): Scenario[] {
    const out: Scenario[] = []
    for (const [pattern, p] of this.byId) {
      if (p.warmUp) out.push({ pattern, shared: { ...DEFAULT_SHARED, kind: 'io', d: 1, threads: 1, timeScale: 1, n: p.warmUp.n }, params: p.warmUp.params })
    }
    return out
  }

  programOf(id: string): PatternProgram {
    const p = this.byId.get(id)
    if (!p) throw new Error(`unknown pattern ${id}`)
    return p
  }
}

/**
 * What the scheduler worker runs: each pattern's program.ts, without the rest of its module (Go
 * text, lessons, presets, closed forms, views), which the page has and the worker never needs. The
 * same patterns as the registry (registry.test.ts checks that they match).
 */
export const PROGRAMS = new Programs([SEQUENTIAL_PROGRAM, UNBOUNDED_PROGRAM, BATCHES_PROGRAM, POOL_PROGRAM, FANOUT_PROGRAM, DAG_PROGRAM, PIPELINE_PROGRAM, PRODCONS_PROGRAM])
