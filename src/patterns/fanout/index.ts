import type { ChoiceSpec, ListSpec, NumberSpec } from '../../core/params'
import { kindSummary, workloadSummary, type SharedKey } from '../../core/shared'
import type { Trace } from '../../core/trace'
import { formatMs } from '../../core/format'
import { definePattern } from '../module'
import { TASK_MS, TASK_NAME, tasksOf } from '../tasks'
import { MACHINE_KEYS, WORKLOAD_KEYS } from '../workload'
import type { Params } from './program'
import { FANOUT_PRESETS } from './presets'

const SOURCE: ChoiceSpec = {
  type: 'choice',
  key: 'source',
  label: 'Work',
  default: 'tasks',
  options: [
    { value: 'tasks', label: 'named calls' },
    { value: 'items', label: 'N items' },
  ],
}

const TASKS: ListSpec = {
  type: 'list',
  key: 'tasks',
  label: 'Calls',
  fields: [TASK_NAME, TASK_MS],
  minItems: 1,
  maxItems: 12,
  default: [
    { name: 'Fetch CI', ms: 200 },
    { name: 'Fetch CD', ms: 300 },
    { name: 'Fetch User', ms: 150 },
  ],
  newItem: (i) => ({ name: `call ${i + 1}`, ms: 100 }),
  hint: 'each call is one goroutine; the handler joins them with wg.Wait()',
  relevant: (v) => v.source === 'tasks',
}

const MODE: ChoiceSpec = {
  type: 'choice',
  key: 'mode',
  label: 'Handler',
  default: 'parallel',
  options: [
    { value: 'parallel', label: 'fan out' },
    { value: 'sequential', label: 'one by one' },
  ],
}

const WORKERS: NumberSpec = {
  type: 'number', key: 'workers', label: 'Workers W', unit: 'goroutines', min: 0, max: 1_000, default: 0, integer: true, log: true,
  special: { value: 0, label: 'one per call' },
  hint: '0: a goroutine per call; W: W workers take calls from a channel and send results back',
  relevant: (v) => v.mode === 'parallel',
}

const COMBINE: NumberSpec = { type: 'number', key: 'combine', label: 'Combine results', unit: 'ms', min: 0, max: 5_000, default: 0, integer: true, log: true, hint: 'work the handler does after the join' }

/** Fan-out/fan-in: a handler forks a goroutine per call and joins them (its program: ./program.ts). */
export const fanout = definePattern<Params>({
  id: 'fanout',
  title: 'Fan-out / fan-in',
  short: 'Fan-out',
  lesson: 'fork every call at once and join with wg.Wait(): the slowest call decides, not the sum.',
  params: [SOURCE, TASKS, MODE, WORKERS, COMBINE],
  uses: (p) => (p.source === 'items' ? WORKLOAD_KEYS : (['kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[])),
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.FANOUT_CLAIMS),
  presets: FANOUT_PRESETS,
  views: [
    { type: 'strip', resource: 'wg', caption: 'WaitGroup counter: calls still running' },
    { type: 'strip', resource: 'results received', caption: 'results received by the handler' },
  ],
  summary: (s) => {
    const p = s.params as unknown as Params
    const what = p.source === 'items' ? workloadSummary(s.shared) : `${tasksOf(p.tasks).map((t) => `${t.name} ${formatMs(t.ms)}`).join(' · ')}${kindSummary(s.shared)}`
    const how = p.mode === 'sequential' ? 'one after another' : p.workers === 0 ? 'fan-out, wg.Wait()' : `fan-out over W = ${p.workers}`
    return `${what} · ${how}${p.combine > 0 ? ` · combine ${formatMs(p.combine)}` : ''}`
  },
  highlight: (tr: Trace) => {
    // the critical path of a fork-join: the goroutine(s) whose work ended last before the join
    let last = -Infinity
    for (let j = 0; j < tr.jobIds; j++) if (tr.jG.data[j] > 0 && tr.jEnd.data[j] > last) last = tr.jEnd.data[j]
    const lanes = new Set<number>()
    for (let j = 0; j < tr.jobIds; j++) if (tr.jG.data[j] > 0 && tr.jEnd.data[j] === last) lanes.add(tr.jG.data[j])
    return [...lanes]
  },
})
