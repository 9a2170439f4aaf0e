import type { ParamValue } from '../core/params'
import { SHARED, effectiveThreads, sharedRelevant, type SharedKey } from '../core/shared'
import { REGISTRY } from '../patterns/registry'
import { applyPreset, setParam, setShared } from '../store/settings'
import { useApp } from './hooks'
import { releaseAfterPointer } from './keyboard'
import { ParamControl } from './ParamControl'

const MACHINE = new Set<string>(['threads', 'timeScale', 'seed'])

/** Presets from the talk, grouped by pattern. */
function PresetMenu() {
  const presetId = useApp((s) => s.presetId)
  return (
    <select
      className="examples"
      aria-label="Presets from the talk"
      data-testid="presets"
      value={presetId ?? ''}
      onChange={(e) => {
        applyPreset(e.target.value)
        releaseAfterPointer(e.target)
      }}
    >
      <option value="" disabled>
        Presets from the talk…
      </option>
      {REGISTRY.modules
        .filter((m) => m.presets.length > 0)
        .map((m) => (
          <optgroup key={m.id} label={m.title}>
            {m.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </optgroup>
        ))}
    </select>
  )
}

/**
 * The scenario's settings, generated from the schemas: the shared workload settings the pattern
 * uses, the pattern's own parameters, and the machine. Only the settings that matter now are shown.
 */
export function Controls() {
  const s = useApp((st) => st.scenario)
  const hw = useApp((st) => st.machine.hardwareConcurrency)
  const mod = REGISTRY.module(s.pattern)
  const uses = new Set<string>(mod.uses(s.params as never, s.shared))
  const shared = SHARED.filter((spec) => uses.has(spec.key) && sharedRelevant(spec.key as SharedKey, s.shared))
  const sharedValue = (key: string) => (s.shared as unknown as Record<string, ParamValue>)[key]
  const hints: Partial<Record<SharedKey, string>> = {
    jitter: `each job lasts d × U(${+(1 - s.shared.jitter / 100).toFixed(2)}, ${+(1 + s.shared.jitter / 100).toFixed(2)})`,
    every: `items 1, ${s.shared.every + 1}, ${2 * s.shared.every + 1}, … are slow`,
    cpuShare: 'the rest of each job is io',
    threads:
      effectiveThreads(s.shared, hw) > hw
        ? `more than this machine's ${hw} hardware threads: only ${hw} compute at once, and the ideal schedule uses ${hw}`
        : `this machine has ${hw} hardware threads`,
    timeScale: `1 scenario ms really takes ${+s.shared.timeScale.toPrecision(3)} ms; the axis reads scenario time`,
  }
  const workload = shared.filter((spec) => !MACHINE.has(spec.key))
  const machine = shared.filter((spec) => MACHINE.has(spec.key))
  return (
    <aside className="controls" aria-label="Scenario settings">
      <PresetMenu />
      {workload.length > 0 && (
        <fieldset>
          <legend>Workload</legend>
          {workload.map((spec) => (
            <ParamControl key={spec.key} spec={spec} value={sharedValue(spec.key)} onChange={(v) => setShared(spec.key as SharedKey, v)} hint={hints[spec.key as SharedKey]} />
          ))}
        </fieldset>
      )}
      {mod.params.length > 0 && (
        <fieldset>
          <legend>{mod.title}</legend>
          {mod.params.filter((spec) => !spec.relevant || spec.relevant(s.params)).map((spec) => (
            <ParamControl key={spec.key} spec={spec} value={s.params[spec.key]} onChange={(v) => setParam(spec.key, v)} />
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Machine</legend>
        {machine.map((spec) => (
          <ParamControl
            key={spec.key}
            spec={spec}
            value={sharedValue(spec.key)}
            onChange={(v) => setShared(spec.key as SharedKey, v)}
            hint={hints[spec.key as SharedKey]}
            format={spec.key === 'threads' ? (v) => (v === 0 ? `auto (${effectiveThreads(s.shared, hw)})` : String(v)) : spec.key === 'timeScale' ? (v) => `×${v}` : undefined}
          />
        ))}
      </fieldset>
    </aside>
  )
}
