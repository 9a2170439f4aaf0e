import { useId, useState } from 'react'
import { NUMERIC, type NumericKey } from '../core/scenario'
import { setNumber } from '../store/actions'
import { useApp } from './hooks'

const STEPS = 1000

/** Slider position (0…STEPS) ⇄ value; wide ranges move on a log scale. */
function toPos(key: NumericKey, v: number): number {
  const s = NUMERIC[key]
  if (!s.log) return ((v - s.min) / (s.max - s.min)) * STEPS
  const lo = Math.log1p(s.min)
  return ((Math.log1p(v) - lo) / (Math.log1p(s.max) - lo)) * STEPS
}

function fromPos(key: NumericKey, p: number): number {
  const s = NUMERIC[key]
  let v = s.log ? Math.expm1(Math.log1p(s.min) + (p / STEPS) * (Math.log1p(s.max) - Math.log1p(s.min))) : s.min + (p / STEPS) * (s.max - s.min)
  if (s.integer) v = Math.round(v)
  else v = Number(v.toPrecision(2))
  return Math.min(s.max, Math.max(s.min, v))
}

/** A labelled slider with its value, unit and an exact-entry box. */
export function Slider({ k, hint, format }: { k: NumericKey; hint?: string; format?: (v: number) => string }) {
  const spec = NUMERIC[k]
  const value = useApp((s) => s.scenario[k])
  const id = useId()
  // what the user is typing; null shows the current value
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null) setNumber(k, draft.trim() === '' ? NaN : Number(draft))
    setDraft(null)
  }
  return (
    <div className="slider" data-param={k}>
      <label htmlFor={id}>
        <span className="slider-label">{spec.label}</span>
        <span className="slider-value" data-testid={`value-${k}`}>
          {format ? format(value) : value.toLocaleString('en-US')} <small>{spec.unit}</small>
        </span>
      </label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={STEPS}
          value={Math.round(toPos(k, value))}
          onChange={(e) => setNumber(k, fromPos(k, Number(e.target.value)))}
          aria-valuetext={`${value} ${spec.unit}`}
        />
        <input
          className="slider-exact"
          type="text"
          inputMode="decimal"
          aria-label={`${spec.label} exact value`}
          value={draft ?? String(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </div>
      {hint && <div className="slider-hint">{hint}</div>}
    </div>
  )
}
