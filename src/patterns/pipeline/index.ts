import { formatMs } from '../../core/format'
import type { ChoiceSpec, ListSpec, NumberSpec } from '../../core/params'
import { formatCount } from '../../core/format'
import type { SharedKey } from '../../core/shared'
import { definePattern } from '../module'
import { TASK_NAME } from '../tasks'
import { MACHINE_KEYS } from '../workload'
import type { Params } from './program'
import { PIPELINE_PRESETS, logStages } from './presets'
import { bottleneck, outputName, stagesOf } from './stages'

const num = (key: string, label: string, unit: string, min: number, max: number, def: number, integer = true): NumberSpec => ({ type: 'number', key, label, unit, min, max, default: def, integer, log: max > 100 })

const KIND: ChoiceSpec = { type: 'choice', key: 'kind', label: 'Kind', default: 'io', options: [{ value: 'io', label: 'io' }, { value: 'cpu', label: 'cpu' }] }

const STAGES: ListSpec = {
  type: 'list',
  key: 'stages',
  label: 'Stages',
  fields: [TASK_NAME, num('workers', 'Workers', '', 1, 64, 1), num('ms', 'Cost', 'ms', 0.1, 10_000, 10, false), num('buffer', 'Out buf', '', 0, 1_000, 100), KIND, num('drop', 'Drop', '%', 0, 100, 0)],
  minItems: 2,
  maxItems: 6,
  default: logStages([1, 4, 4, 4, 2]),
  newItem: (i) => ({ name: `stage ${i + 1}`, workers: 1, ms: 10, buffer: 100, kind: 'io', drop: 0 }),
  hint: 'each stage: W workers range over its input and send to its output channel (Out buf = its capacity); a closer closes it after the last worker',
}

const MODE: ChoiceSpec = {
  type: 'choice',
  key: 'mode',
  label: 'Run as',
  default: 'pipeline',
  options: [
    { value: 'pipeline', label: 'pipeline' },
    { value: 'sequential', label: 'one goroutine' },
  ],
}

const TAKE: NumberSpec = {
  type: 'number', key: 'take', label: 'Consumer takes', unit: 'results', min: 0, max: 10_000, default: 0, integer: true, log: true,
  special: { value: 0, label: 'all' },
  hint: 'stop receiving after this many results, then wait for the stages (a trap: can they finish?)',
}

/** A staged pipeline linked by channels (its program: ./program.ts). */
export const pipeline = definePattern<Params>({
  id: 'pipeline',
  title: 'Pipeline',
  short: 'Pipeline',
  lesson: 'stages run at once, linked by channels: the slowest stage sets the pace, and adding workers elsewhere changes nothing.',
  params: [STAGES, MODE, TAKE],
  uses: () => ['n', ...MACHINE_KEYS] as SharedKey[],
  mayDeadlock: (p) => p.take > 0 && p.mode === 'pipeline',
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.PIPELINE_CLAIMS),
  presets: PIPELINE_PRESETS,
  views: [
    {
      type: 'stages',
      stages: (s) => {
        const all = stagesOf((s.params as unknown as Params).stages)
        const b = bottleneck(all)
        return all.map((st, k) => ({ name: st.name, group: st.name, workers: st.workers, cost: st.ms, input: k === 0 ? 'items' : outputName(all, k - 1), output: outputName(all, k), bottleneck: k === b }))
      },
    },
  ],
  summary: (s) => {
    const p = s.params as unknown as Params
    const stages = stagesOf(p.stages)
    const b = bottleneck(stages)
    const list = stages.map((st, k) => `${k === b ? '▸' : ''}${st.name} ${st.workers}×${formatMs(st.ms)}${st.kind === 'cpu' ? ' cpu' : ''}`).join(' → ')
    return `${formatCount(s.shared.n)} items · ${list}${p.mode === 'sequential' ? ' · one goroutine' : ''}${p.take > 0 ? ` · consumer takes ${p.take}` : ''}`
  },
  highlight: (tr) => {
    // the bottleneck stage's workers
    const stages = stagesOf((tr.scenario.params as unknown as Params).stages)
    const name = stages[bottleneck(stages)].name
    const lanes: number[] = []
    for (let g = 1; g < tr.goroutines; g++) if (tr.groupName(g) === name && !tr.goroutineName(g).endsWith('closer')) lanes.push(g)
    return lanes
  },
})
