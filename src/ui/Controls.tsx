import { KINDS, KIND_LABEL, VARIATIONS, VARIATION_LABEL, effectiveThreads } from '../core/scenario'
import { setEnum } from '../store/actions'
import { useApp } from './hooks'
import { Slider } from './Slider'

/** The scenario's settings. Only the ones that matter for the chosen pattern and variation are shown. */
export function Controls() {
  const s = useApp((st) => st.scenario)
  const hw = useApp((st) => st.machine.hardwareConcurrency)
  return (
    <aside className="controls" aria-label="Scenario settings">
      <fieldset>
        <legend>Workload</legend>
        <Slider k="n" />
        <Slider k="d" />
        <div className="select-row">
          <label htmlFor="variation">Variation</label>
          <select id="variation" value={s.variation} onChange={(e) => {
              setEnum('variation', e.target.value as typeof s.variation)
              e.target.blur() // hand the keyboard back to the presenter keys
            }}>
            {VARIATIONS.map((v) => (
              <option key={v} value={v}>
                {VARIATION_LABEL[v]}
              </option>
            ))}
          </select>
        </div>
        {s.variation === 'uniform' && <Slider k="jitter" hint={`each job lasts d × U(${+(1 - s.jitter / 100).toFixed(2)}, ${+(1 + s.jitter / 100).toFixed(2)})`} />}
        {s.variation === 'straggler' && <Slider k="straggler" />}
        {s.variation === 'everyk' && (
          <>
            <Slider k="every" hint={`items 1, ${s.every + 1}, ${2 * s.every + 1}, … are slow`} />
            <Slider k="slow" />
          </>
        )}
        <div className="select-row">
          <label htmlFor="kind">Job kind</label>
          <select id="kind" value={s.kind} onChange={(e) => {
              setEnum('kind', e.target.value as typeof s.kind)
              e.target.blur()
            }}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
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
