import { useEffect, useMemo, useRef, useState } from 'react'
import { State } from '../core/events'
import type { NumberSpec, ParamValue } from '../core/params'
import type { Scenario } from '../core/scenario'
import { SHARED_BY_KEY, type SharedKey } from '../core/shared'
import { REGISTRY } from '../patterns/registry'
import { isBusy, run, stop } from '../store/actions'
import { notify } from '../store/notices'
import { planOf } from '../store/theory'
import { traceHub } from '../store/traceHub'
import { STATE_COLOR } from '../viz/palette'
import { createSweepChart, type SweepSeries } from '../viz/sweepChart'
import { useApp } from './hooks'

/** A setting a sweep can vary: one of the pattern's numbers, or a shared one. */
interface Knob {
  id: string
  spec: NumberSpec
  shared: boolean
}

const MAX_POINTS = 12
/** Real runs per series when measuring: first, last and two between. */
const MEASURED = 4

function knobsOf(s: Scenario): Knob[] {
  const mod = REGISTRY.module(s.pattern)
  const own = mod.params.filter((p): p is NumberSpec => p.type === 'number' && (!p.relevant || p.relevant(s.params))).map((spec) => ({ id: `p:${spec.key}`, spec, shared: false }))
  const uses = new Set<string>(mod.uses(s.params as never, s.shared))
  const shared = (['n', 'd', 'threads'] as SharedKey[]).filter((k) => uses.has(k)).map((k) => ({ id: `s:${k}`, spec: SHARED_BY_KEY.get(k) as NumberSpec, shared: true }))
  return [...own, ...shared]
}

function withValue(s: Scenario, k: Knob, v: number, kind?: 'io' | 'cpu'): Scenario {
  const shared = { ...s.shared, ...(k.shared ? { [k.spec.key]: v } : {}), ...(kind ? { kind } : {}) }
  const params: Record<string, ParamValue> = k.shared ? { ...s.params } : { ...s.params, [k.spec.key]: v }
  return { pattern: s.pattern, shared, params }
}

/** `points` values from `from` to `to`, on a log scale for log settings, whole numbers where required. */
export function sweepValues(spec: NumberSpec, from: number, to: number, points: number): number[] {
  const n = Math.max(2, Math.min(MAX_POINTS, Math.round(points)))
  const lo = Math.max(spec.min, Math.min(from, to))
  const hi = Math.min(spec.max, Math.max(from, to))
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const f = i / (n - 1)
    let v = spec.log && lo > 0 ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f
    v = spec.integer ? Math.round(v) : Number(v.toPrecision(3))
    if (!out.includes(v)) out.push(v)
  }
  return out
}

// the state colours of the timeline (io waits, cpu running on a thread): also text, so ≥ 4.5:1 on white
const COLORS = { io: STATE_COLOR[State.Io], cpu: STATE_COLOR[State.Running] }
const NO_SERIES: SweepSeries[] = []

/** A sensible first range for a setting: from its minimum (1 for counts) to 4× its current value, at least 16. */
function rangeFor(k: Knob, s: Scenario): { from: number; to: number; points: number } {
  const cur = k.shared ? (s.shared[k.spec.key as SharedKey] as number) : (s.params[k.spec.key] as number)
  const from = Math.max(k.spec.min, k.spec.integer ? 1 : k.spec.min)
  return { from, to: Math.min(k.spec.max, Math.max(from + 1, cur * 4, 16)), points: 8 }
}

/**
 * Makespan and throughput over a range of one setting: the ideal schedule's curve (computed off the
 * main thread), and measured points from real runs at a few values. E.g. pool size for io and for
 * cpu jobs: the cpu curve flattens at the thread count.
 */
export default function SweepView() {
  const scenario = useApp((s) => s.scenario)
  const hw = useApp((s) => s.machine.hardwareConcurrency)
  const knobs = useMemo(() => knobsOf(scenario), [scenario])
  const [knobId, setKnobId] = useState(knobs[0]?.id ?? '')
  const knob = knobs.find((k) => k.id === knobId) ?? knobs[0]
  const [range, setRange] = useState(() => (knob ? rangeFor(knob, scenario) : { from: 1, to: 16, points: 8 }))
  const [cpuToo, setCpuToo] = useState(REGISTRY.module(scenario.pattern).uses(scenario.params as never, scenario.shared).includes('kind'))
  // the curves for the inputs they were computed for (`key`), and what measuring is doing now
  const [computed, setComputed] = useState<{ key: string; series: SweepSeries[]; error: string }>({ key: '', series: [], error: '' })
  const [measuring, setMeasuring] = useState('')
  const host = useRef<HTMLDivElement>(null)
  const chart = useRef<ReturnType<typeof createSweepChart> | null>(null)

  const values = useMemo(() => (knob ? sweepValues(knob.spec, range.from, range.to, range.points) : []), [knob, range])
  const kinds = useMemo<('io' | 'cpu' | undefined)[]>(() => (cpuToo ? ['io', 'cpu'] : [undefined]), [cpuToo])
  const key = `${knob?.id}|${values.join(',')}|${kinds.join(',')}|${hw}|${JSON.stringify(scenario)}`
  const series = computed.key === key ? computed.series : NO_SERIES
  const progress = measuring || (computed.key !== key ? 'computing the ideal schedules…' : computed.error)

  useEffect(() => {
    if (!knob) return
    let live = true
    void (async () => {
      const out: SweepSeries[] = []
      for (const kind of kinds) {
        const theory: SweepSeries['theory'] = []
        for (const v of values) {
          const tr = await planOf(withValue(scenario, knob, v, kind), hw)
          if (!live) return
          theory.push({ x: v, ms: tr.status === 'done' ? tr.endT / tr.timeScale : NaN })
        }
        out.push({ name: kind ? `${kind} jobs` : REGISTRY.module(scenario.pattern).title, color: kind ? COLORS[kind] : COLORS.io, theory, measured: [] })
      }
      setComputed({ key, series: out, error: '' })
    })().catch((e: unknown) => live && setComputed({ key, series: [], error: `The ideal schedule could not be computed: ${e instanceof Error ? e.message : String(e)}` }))
    return () => {
      live = false
    }
  }, [key, knob, kinds, values, scenario, hw])

  useEffect(() => {
    if (!host.current) return
    chart.current = createSweepChart(host.current)
    return () => chart.current?.destroy()
  }, [])
  useEffect(() => {
    chart.current?.update({ label: knob ? `${knob.spec.label}${knob.spec.unit ? ` (${knob.spec.unit})` : ''}` : '', log: knob?.spec.log ?? false, series, items: scenario.shared.n })
  }, [series, knob, scenario.shared.n])

  async function measure(): Promise<void> {
    if (!knob || isBusy()) return
    const picks = values.length <= MEASURED ? values : [0, 1, 2, 3].map((i) => values[Math.round((i * (values.length - 1)) / (MEASURED - 1))])
    const total = picks.length * kinds.length
    let done = 0
    const next = series.map((s) => ({ ...s, measured: [] as SweepSeries['measured'] }))
    for (const [si, kind] of kinds.entries()) {
      for (const v of picks) {
        setMeasuring(`measuring ${++done} of ${total}: ${knob.spec.label} = ${v}${kind ? `, ${kind}` : ''}… (Space stops)`)
        await run(withValue(scenario, knob, v, kind))
        const tr = traceHub.get()
        if (!tr || tr.status !== 'done') {
          setMeasuring('')
          setComputed({ key, series: next, error: 'measuring stopped' })
          return
        }
        next[si]?.measured.push({ x: v, ms: tr.endT / tr.timeScale })
        setComputed({ key, series: next.map((s) => ({ ...s })), error: '' })
      }
    }
    setMeasuring('')
    notify('info', `Measured ${total} runs of the sweep.`)
  }

  if (!knob) return <section className="sweep empty">This pattern has no number to sweep.</section>
  const numberInput = (label: string, value: number, onChange: (v: number) => void) => (
    <label className="sweep-field">
      {label}
      <input type="number" value={value} min={knob.spec.min} max={knob.spec.max} step={knob.spec.integer ? 1 : 'any'} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)} />
    </label>
  )
  return (
    <section className="sweep" aria-label="Sweep" data-testid="sweep-view">
      <div className="sweep-controls">
        <label className="sweep-field">
          Vary
          <select
            value={knob.id}
            onChange={(e) => {
              const k = knobs.find((x) => x.id === e.target.value)
              setKnobId(e.target.value)
              if (k) setRange(rangeFor(k, scenario))
            }}
            data-testid="sweep-knob"
          >
            {knobs.map((k) => (
              <option key={k.id} value={k.id}>
                {k.spec.label}
              </option>
            ))}
          </select>
        </label>
        {numberInput('from', range.from, (from) => setRange((r) => ({ ...r, from })))}
        {numberInput('to', range.to, (to) => setRange((r) => ({ ...r, to })))}
        <label className="sweep-field">
          points
          <input type="number" min={2} max={MAX_POINTS} value={range.points} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setRange((r) => ({ ...r, points: e.target.valueAsNumber }))} />
        </label>
        <label className="sweep-field check">
          <input type="checkbox" checked={cpuToo} onChange={(e) => setCpuToo(e.target.checked)} />
          io and cpu jobs
        </label>
        <button className="tool" onClick={() => (isBusy() ? void stop() : void measure())} data-testid="sweep-measure">
          {isBusy() ? '■ Stop' : `▶ Run ${Math.min(values.length, MEASURED) * kinds.length} points`}
        </button>
        <span className="sweep-progress" role="status">
          {progress}
        </span>
      </div>
      <div className="sweep-chart" ref={host} data-testid="sweep-chart" />
    </section>
  )
}
