import type { PatternId } from '../core/scenario'
import { batches } from './batches'
import { pool } from './pool'
import type { PatternProgram } from './program'
import { sequential } from './sequential'
import { unbounded } from './unbounded'

export type { PatternInput, PatternProgram } from './program'

export const PROGRAMS: Record<PatternId, PatternProgram> = { sequential, unbounded, batches, pool }
