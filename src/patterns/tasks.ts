import { splitWork, type Job } from '../core/jobs'
import type { ListItem, NumberSpec, TextSpec } from '../core/params'
import type { SharedValues } from '../core/shared'

/** Named calls (fan-out tasks, a dependency graph's nodes): fields shared by the modules that list them. */
export const TASK_NAME: TextSpec = { type: 'text', key: 'name', label: 'Name', maxLength: 20, default: 'task' }
export const TASK_MS: NumberSpec = { type: 'number', key: 'ms', label: 'Takes', unit: 'ms', min: 1, max: 60_000, default: 100, integer: true, log: true }

export interface Task {
  name: string
  ms: number
}

/** The tasks of a list parameter, with names made unique ("Fetch", "Fetch 2"). */
export function tasksOf(items: readonly ListItem[]): Task[] {
  const seen = new Map<string, number>()
  return items.map((it) => {
    const base = String(it.name)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { name: n === 1 ? base : `${base} ${n}`, ms: Number(it.ms) }
  })
}

/** Task i as a job: its duration split into cpu and io by the shared job kind. */
export function taskJob(t: Task, i: number, s: Pick<SharedValues, 'kind' | 'cpuShare'>, group = 'tasks'): Job {
  return { id: i, ...splitWork(t.ms, s), label: t.name, group }
}
