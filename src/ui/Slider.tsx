import { useId, useState } from 'react'
import { parseDecimal, type NumberSpec } from '../core/params'

const STEPS = 1000

/** Slider position (0…STEPS) ⇄ value; wide ranges move on a log scale. */
function toPos(s: NumberSpec, v: number): number {
  if (!s.log) return ((v - s.min) / (s.max - s.min)) * STEPS
  const lo = Math.log1p(s.min)
  return ((Math.log1p(v) - lo) / (Math.log1p(s.max) - lo)) * STEPS
}

function fromPos(s: NumberSpec, p: number): number {
  let v = s.log ? Math.expm1(Math.log1p(s.min) + (p / STEPS) * (Math.log1p(s.max) - Math.log1p(s.min))) : s.min + (p / STEPS) * (s.max - s.min)
  if (s.integer) v = Math.round(v)
  else v = Number(v.toPrecision(2))
  return Math.min(s.max, Math.max(s.min, v))
}

/** The value as shown: the label of a special value ("auto"), else the number. */
export function showNumber(spec: NumberSpec, v: number): string {
  if (spec.special && v === spec.special.value) return spec.special.label
  return v.toLocaleString('en-US', { maximumFractionDigits: 4 })
}

/** The value in the exact-entry box: the special word if it has one, else the plain number. */
function entryText(spec: NumberSpec, v: number): string {
  if (spec.special?.word !== undefined && v === spec.special.value) return spec.special.word
  return String(v)
}

/**
 * A labelled slider with its value, unit and an exact-entry box. `onChange` receives any number the
 * user enters (NaN for text that is not a decimal number); the store checks it against the spec.
 */
export function Slider({ spec, value, onChange, hint, format }: { spec: NumberSpec; value: number; onChange(v: number): void; hint?: string; format?: (v: number) => string }) {
  const id = useId()
  // what the user is typing; null shows the current value
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null) {
      const t = draft.trim()
      onChange(spec.special?.word !== undefined && t === spec.special.word ? spec.special.value : parseDecimal(t))
    }
    setDraft(null)
  }
  return (
    <div className="slider" data-param={spec.key}>
      <label htmlFor={id}>
        <span className="slider-label">{spec.label}</span>
        <span className="slider-value" data-testid={`value-${spec.key}`}>
          {format ? format(value) : showNumber(spec, value)} {!(spec.special && value === spec.special.value && !format) && <small>{spec.unit}</small>}
        </span>
      </label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={STEPS}
          value={Math.round(toPos(spec, value))}
          onChange={(e) => onChange(fromPos(spec, Number(e.target.value)))}
          aria-valuetext={`${showNumber(spec, value)} ${spec.unit}`}
        />
        <input
          className="slider-exact"
          type="text"
          inputMode="decimal"
          aria-label={`${spec.label} exact value`}
          value={draft ?? entryText(spec, value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </div>
      {(hint ?? spec.hint) && <div className="slider-hint">{hint ?? spec.hint}</div>}
    </div>
  )
}
