import { lazy, useId } from 'react'
import type { ChoiceSpec, ListItem, ParamSpec, ParamValue, ToggleSpec } from '../core/params'
import { releaseAfterPointer } from './keyboard'
import { Loadable } from './Loadable'
import { Slider } from './Slider'

// list settings (calls, stages) belong to a few patterns: their editor loads when one is shown
const ListEditor = lazy(() => import('./ListEditor').then((m) => ({ default: m.ListEditor })))

function Choice({ spec, value, onChange }: { spec: ChoiceSpec; value: string; onChange(v: string): void }) {
  const id = useId()
  return (
    <div className="select-row" data-param={spec.key}>
      <label htmlFor={id}>{spec.label}</label>
      <select
        id={id}
        value={value}
        data-testid={`choice-${spec.key}`}
        onChange={(e) => {
          onChange(e.target.value)
          releaseAfterPointer(e.target)
        }}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {spec.hint && <div className="slider-hint">{spec.hint}</div>}
    </div>
  )
}

function Toggle({ spec, value, onChange }: { spec: ToggleSpec; value: boolean; onChange(v: boolean): void }) {
  return (
    <label className="toggle-row" data-param={spec.key}>
      <input type="checkbox" role="switch" checked={value} data-testid={`toggle-${spec.key}`} onChange={(e) => onChange(e.target.checked)} />
      <span>{spec.label}</span>
      {spec.hint && <small className="slider-hint">{spec.hint}</small>}
    </label>
  )
}

/** The control a spec calls for. */
export function ParamControl({ spec, value, onChange, hint, format }: { spec: ParamSpec; value: ParamValue; onChange(v: ParamValue): void; hint?: string; format?: (v: number) => string }) {
  switch (spec.type) {
    case 'number':
      return <Slider spec={spec} value={value as number} onChange={onChange} hint={hint} format={format} />
    case 'choice':
      return <Choice spec={spec} value={value as string} onChange={onChange} />
    case 'toggle':
      return <Toggle spec={spec} value={value as boolean} onChange={onChange} />
    case 'list':
      return (
        <Loadable what={`the editor of ${spec.label}`} fallback={<div className="loading">Loading…</div>}>
          <ListEditor spec={spec} items={value as readonly ListItem[]} onChange={onChange} />
        </Loadable>
      )
  }
}
