import { formatMs } from '../../core/format'
import type { Chan } from '../../core/chan'
import type { ChoiceSpec, ListItem, ListSpec, NumberSpec, TextSpec } from '../../core/params'
import { kindSummary, type SharedKey } from '../../core/shared'
import { sum } from '../closedForms'
import { definePattern, type Expectation } from '../module'
import { TASK_MS, TASK_NAME, taskJob } from '../tasks'
import { MACHINE_KEYS } from '../workload'
import { GO } from './go'
import { criticalPath, earliestFinish, nodesOf, phasesOf, repair } from './graph'
import { DAG_PRESETS } from './presets'

interface Params {
  tasks: readonly ListItem[]
  mode: 'sequential' | 'phases' | 'dag'
}

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

/**
 * The same calls three ways: one after another; in phases, each phase fanned out and closed by
 * wg.Wait() (a barrier); or as a dependency graph, where each call starts as soon as the calls it
 * needs have closed their `done` channels (close wakes every waiter at once).
 */
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
  program: async (main, { params, shared }) => {
    const nodes = nodesOf(params.tasks)
    const job = (name: string, group: string) => {
      const i = nodes.findIndex((n) => n.name === name)
      return taskJob(nodes[i], i, shared, group)
    }
    if (params.mode === 'sequential') {
      for (const n of nodes) await main.run(job(n.name, 'calls'))
      return
    }
    const wg = main.waitGroup('wg')
    if (params.mode === 'phases') {
      for (const phase of phasesOf(nodes)) {
        wg.add(phase.length)
        for (const n of phase) {
          main.go(n.name, async (g) => {
            await g.run(job(n.name, `phase ${n.phase}`))
            wg.done()
          }, `phase ${n.phase}`)
        }
        await main.wait(wg)
        main.mark('barrier', wg.resource)
      }
      return
    }
    // dependency graph: done[x] is closed when x has finished; a call first receives from the done
    // channel of each call it needs (a receive on a closed channel returns at once)
    const done = new Map<string, Chan<never>>()
    for (const n of nodes) done.set(n.name, main.chan<never>(`${n.name} done`, 0))
    wg.add(nodes.length)
    for (const n of nodes) {
      main.go(n.name, async (g) => {
        for (const d of n.after) await g.recv(done.get(d) as Chan<never>)
        await g.run(job(n.name, 'calls'))
        g.close(done.get(n.name) as Chan<never>)
        wg.done()
      }, 'calls')
    }
    await main.wait(wg)
  },
  go: GO,
  presets: DAG_PRESETS,
  views: [{ type: 'strip', resource: 'wg', caption: 'WaitGroup counter: calls still running' }],
  expectations: (s) => {
    const p = s.params as unknown as Params
    const nodes = nodesOf(p.tasks)
    const out: Expectation[] = [{ what: p.mode === 'sequential' ? 'main alone' : 'main and one goroutine per call', metric: 'goroutines', value: p.mode === 'sequential' ? 1 : 1 + nodes.length }]
    if (p.mode === 'sequential') out.push({ what: 'Σ of the calls', metric: 'makespan', value: sum(nodes.map((n) => n.ms)) })
    else if (s.shared.kind === 'io' && p.mode === 'phases') out.push({ what: 'Σ over phases of the slowest call', metric: 'makespan', value: sum(phasesOf(nodes).map((ph) => Math.max(...ph.map((n) => n.ms)))) })
    else if (s.shared.kind === 'io') out.push({ what: 'the longest path through the graph', metric: 'makespan', value: Math.max(...earliestFinish(nodes).values()) })
    return out
  },
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
