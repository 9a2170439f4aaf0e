import { KIND_LABEL, VARIATION_LABEL, effectiveThreads, type Scenario } from '../core/scenario'
import { EXAMPLES } from '../core/examples'
import { applyExample, setEnum } from '../store/actions'
import { useApp } from './hooks'
import { Slider } from './Slider'

/** A labelled drop-down for one of the scenario's choices. */
function Choice<K extends 'variation' | 'kind'>({ k, label, labels }: { k: K; label: string; labels: Record<Scenario[K], string> }) {
  const value = useApp((st) => st.scenario[k])
  return (
    <div className="select-row">
      <label htmlFor={k}>{label}</label>
      <select
        id={k}
        value={value}
        onChange={(e) => {
          setEnum(k, e.target.value as Scenario[K])
          e.target.blur() // hand the keyboard back to the presenter keys
        }}
      >
        {(Object.keys(labels) as Scenario[K][]).map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The scenario's settings. Only the ones that matter for the chosen pattern and variation are shown. */
export function Controls() {
  const s = useApp((st) => st.scenario)
  const hw = useApp((st) => st.machine.hardwareConcurrency)
  return (
    <aside className="controls" aria-label="Scenario settings">
      <select
        className="examples"
        aria-label="Examples from the talk"
        value=""
        onChange={(e) => {
          applyExample(e.target.value)
          e.target.blur()
        }}
      >
        <option value="" disabled>
          Examples from the talk…
        </option>
        {EXAMPLES.map((ex) => (
          <option key={ex.id} value={ex.id}>
            {ex.title}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Workload</legend>
        <Slider k="n" />
        <Slider k="d" />
        <Choice k="variation" label="Variation" labels={VARIATION_LABEL} />
        {s.variation === 'uniform' && <Slider k="jitter" hint={`each job lasts d × U(${+(1 - s.jitter / 100).toFixed(2)}, ${+(1 + s.jitter / 100).toFixed(2)})`} />}
        {s.variation === 'straggler' && <Slider k="straggler" />}
        {s.variation === 'everyk' && (
          <>
            <Slider k="every" hint={`items 1, ${s.every + 1}, ${2 * s.every + 1}, … are slow`} />
            <Slider k="slow" />
          </>
        )}
        <Choice k="kind" label="Job kind" labels={KIND_LABEL} />
        {s.kind === 'mixed' && <Slider k="cpuShare" hint="the rest of each job is io" />}
      </fieldset>
      <fieldset>
        <legend>Pattern</legend>
        <Slider k="pool" hint={s.pattern === 'pool' ? undefined : 'used by the worker pool'} />
        <Slider k="batch" hint={s.pattern === 'batches' ? undefined : 'used by batches'} />
        <Slider k="buffer" hint={s.pattern === 'pool' ? 'jobs channel capacity; 0 = unbuffered' : 'used by the worker pool'} />
      </fieldset>
      <fieldset>
        <legend>Machine</legend>
        <Slider k="threads" format={(v) => (v === 0 ? `auto (${effectiveThreads(s, hw)})` : String(v))} hint={`this machine has ${hw} hardware threads`} />
        <Slider k="timeScale" format={(v) => `×${v}`} hint={`a ${s.d} ms job really takes ${+(s.d * s.timeScale).toPrecision(3)} ms; the axis reads scenario time`} />
        <Slider k="seed" />
      </fieldset>
    </aside>
  )
}
