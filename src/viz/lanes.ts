import { Role } from '../core/events'
import type { PatternId } from '../core/scenario'
import type { Trace } from '../core/trace'

/** Display name of a goroutine lane. */
export function laneName(role: number, index: number): string {
  if (role === Role.Main) return 'main'
  if (role === Role.Producer) return 'producer'
  if (role === Role.Worker) return `worker ${index + 1}`
  return `go #${index + 1}`
}

/** Role and index of a lane before any run, from the pattern's spawn order (see patterns/). */
function plannedLane(pattern: PatternId, lane: number): [number, number] {
  if (lane === 0) return [Role.Main, 0]
  if (pattern === 'pool') return lane === 1 ? [Role.Producer, 0] : [Role.Worker, lane - 2]
  return [Role.Job, lane - 1]
}

export function laneNames(pattern: PatternId, lanes: number, trace: Trace | null): string[] {
  const out: string[] = []
  for (let g = 0; g < lanes; g++) {
    const [role, index] = trace && g < trace.goroutines ? [trace.gRole.data[g], trace.gIndex.data[g]] : plannedLane(pattern, g)
    out.push(laneName(role, index))
  }
  return out
}
