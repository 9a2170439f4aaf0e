import { formatCount, formatMs } from '../../core/format'
import type { NumberSpec, ParamValues, ToggleSpec } from '../../core/params'
import { kindSummary, type SharedKey } from '../../core/shared'
import { definePattern } from '../module'
import { MACHINE_KEYS } from '../workload'
import { continuous, type Params } from './program'
import { PRODCONS_PRESETS } from './presets'

const num = (key: string, label: string, unit: string, min: number, max: number, def: number, hint?: string, extra: Partial<NumberSpec> = {}): NumberSpec => ({
  type: 'number', key, label, unit, min, max, default: def, integer: true, log: max > 100, hint, ...extra,
})

const finiteOnly = { relevant: (v: ParamValues) => !v.continuous }
const continuousOnly = { relevant: (v: ParamValues) => v.continuous === true }

const CONTINUOUS: ToggleSpec = { type: 'toggle', key: 'continuous', label: 'Continuous (until Stop)', default: false, hint: 'an event generator at R events/s instead of N items' }

/** Producer–consumer with a buffered channel between them (its program: ./program.ts). */
export const prodcons = definePattern<Params>({
  id: 'prodcons',
  continuous,
  title: 'Producer–consumer',
  short: 'Prod–cons',
  lesson: 'a buffer absorbs bursts; when it is full the producer blocks: backpressure sets the pace to the consumer’s.',
  params: [
    num('produce', 'Produce', 'ms', 1, 5_000, 10, 'time to make one item', finiteOnly),
    num('hiccup', 'Hiccup', 'ms', 0, 10_000, 100, 'a slow item: takes this long instead', finiteOnly),
    num('hiccupEvery', 'Hiccup every', 'items', 0, 1_000, 10, 'items 1, k+1, 2k+1, … are slow; 0 = never', { special: { value: 0, label: 'never' }, ...finiteOnly }),
    num('consume', 'Consume', 'ms', 1, 5_000, 20, 'time to handle one item (per event for the writer)'),
    num('consumers', 'Consumers', 'goroutines', 1, 64, 1),
    num('buffer', 'Buffer', 'slots', 0, 1_000, 0, 'channel capacity; 0 = unbuffered (every value a direct handoff)'),
    CONTINUOUS,
    num('rate', 'Event rate R', 'per s', 1, 1_000, 50, 'the generator’s ticker', continuousOnly),
    num('batch', 'Writer batch', 'events', 1, 100, 1, 'the writer takes up to this many waiting events at once', continuousOnly),
    num('batchCost', 'Cost per batch', 'ms', 0, 1_000, 0, 'fixed cost of one write, whatever its size', continuousOnly),
  ],
  uses: (p) => (p.continuous ? (['kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[]) : (['n', 'kind', 'cpuShare', ...MACHINE_KEYS] as SharedKey[])),
  go: () => import('./go').then((m) => m.GO),
  expectations: () => import('./expectations').then((m) => m.expectations),
  claims: () => import('./claims').then((m) => m.PRODCONS_CLAIMS),
  presets: PRODCONS_PRESETS,
  views: [
    { type: 'strip', resource: 'events', caption: 'events channel' },
    { type: 'rolling', resource: 'events', produced: 'event', consumed: 'written' },
  ],
  summary: (s) => {
    const p = s.params as unknown as Params
    const cons = `${p.consumers > 1 ? `${p.consumers} ` : ''}${p.continuous ? 'writer' : 'consumer'}${p.consumers > 1 ? 's' : ''} ${formatMs(p.consume)}${p.continuous ? '/event' : ''}`
    const buf = p.buffer === 0 ? 'unbuffered' : `buffer ${p.buffer}`
    if (p.continuous) return `events at ${p.rate}/s → ${buf} → ${cons}${p.batch > 1 ? ` · batches of ${p.batch}` : ''}${p.batchCost > 0 ? ` + ${formatMs(p.batchCost)}` : ''}${kindSummary(s.shared)} · until Stop`
    const hic = p.hiccupEvery > 0 && p.hiccup !== p.produce ? `, every ${p.hiccupEvery}th ${formatMs(p.hiccup)}` : ''
    return `${formatCount(s.shared.n)} items · producer ${formatMs(p.produce)}${hic} → ${buf} → ${cons}${kindSummary(s.shared)}`
  },
})
