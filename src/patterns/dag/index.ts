import { formatMs } from '../../core/format'
import type { ChoiceSpec, ListItem, ListSpec, NumberSpec, TextSpec } from '../../core/params'
import { kindSummary, type SharedKey } from '../../core/shared'
import { definePattern } from '../module'
import { TASK_MS, TASK_NAME } from '../tasks'
import { MACHINE_KEYS } from '../workload'
import type { Params } from './program'
import { criticalPath, nodesOf, phasesOf, repair } from './graph'
import { DAG_PRESETS } from './presets'

const PHASE: NumberSpec = { type: 'number', key: 'phase', label: 'Phase', unit: '', min: 1, max: 6, default: 1, integer: true, log: false }
const AFTER: TextSpec = { type: 'text', key: 'after', label: 'After', maxLength: 20, default: '', names: true }

const TASKS: ListSpec = {
  type: 'list',
  key: 'tasks',
  label: 'Calls',
  fields: [TASK_NAME, TASK_MS, PHASE, AFTER],
  minItems: 1,
  maxItems: 12,
  default: [
    { name: 'Auth', ms: 100, phase: 1, after: '' },
    { name: 'User', ms: 150, phase: 1, after: '' },
    { name: 'Inventory', ms: 120, phase: 1, after: '' },
    { name: 'Payment', ms: 200, phase: 2, after: 'Auth/Inventory' },
    { name: 'Shipping', ms: 180, phase: 2, after: 'User' },
  ],
  newItem: (i) => ({ name: `call ${i + 1}`, ms: 100, phase: 1, after: '' }),
  hint: '“After” names the calls it needs, separated by /; phases ignore it, the graph uses it',
}

const MODE: ChoiceSpec = {
  type: 'choice',
  key: 'mode',
  label: 'Order',
  default: 'phases',
  options: [
    { value: 'sequential', label: 'one by one' },
    { value: 'phases', label: 'phases + wg.Wait()' },
    { value: 'dag', label: 'dependency graph' },
  ],
}

/** The same calls one by one, in phases with barriers, or as a dependency graph (its program: ./program.ts). */
export const dag = definePattern<Params>({
  id: 'dag',
  title: 'Barriers vs dependency graph',
  short: 'Barriers / DAG',
  lesson: 'a barrier makes every call of the next phase wait for the slowest of this one; a dependency graph waits only for what each call needs.',
  params: [TASKS, MODE],
  normalize: (values) => {
    const r = repair(values.tasks as readonly ListItem[])
    return { values: { ...values, tasks: r.items }, notices: r.notices }
  },
  uses: () => ['kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[],
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.DAG_CLAIMS),
  presets: DAG_PRESETS,
  views: [{ type: 'strip', resource: 'wg', caption: 'WaitGroup counter: calls still running' }],
  summary: (s) => {
    const p = s.params as unknown as Params
    const nodes = nodesOf(p.tasks)
    const how = p.mode === 'sequential' ? 'one by one' : p.mode === 'phases' ? `${phasesOf(nodes).length} phases, wg.Wait() after each` : 'each call when its inputs are done'
    return `${nodes.map((n) => `${n.name} ${formatMs(n.ms)}`).join(' · ')}${kindSummary(s.shared)} · ${how}`
  },
  highlight: (tr) => {
    const p = tr.scenario.params as unknown as Params
    if (p.mode === 'sequential') return []
    const nodes = nodesOf(p.tasks)
    const names = new Set(p.mode === 'dag' ? criticalPath(nodes) : phasesOf(nodes).map((ph) => ph.reduce((a, b) => (b.ms > a.ms ? b : a)).name))
    const lanes: number[] = []
    for (let g = 1; g < tr.goroutines; g++) if (names.has(tr.goroutineName(g))) lanes.push(g)
    return lanes
  },
})
