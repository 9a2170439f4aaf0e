import { useState } from 'react'
import { checkNumber, cleanText, parseDecimal, type FieldSpec, type FieldValue, type ListItem, type ListSpec } from '../core/params'
import { notify } from '../store/notices'

/** One field of one item: text, a number box, or a choice. Committed on Enter or when focus leaves. */
function Field({ field, value, onCommit, label }: { field: FieldSpec; value: FieldValue; onCommit(v: FieldValue): void; label: string }) {
  const [draft, setDraft] = useState<string | null>(null)
  if (field.type === 'choice') {
    return (
      <select aria-label={label} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value}
          </option>
        ))}
      </select>
    )
  }
  const commit = () => {
    if (draft === null) return
    setDraft(null)
    const c = field.type === 'text' ? cleanText(field, draft) : checkNumber(field, parseDecimal(draft.trim()), value as number)
    if (c.notice) notify('warning', c.notice)
    if (c.value !== value) onCommit(c.value)
  }
  return (
    <input
      className={field.type === 'text' ? 'list-text' : 'list-number'}
      type="text"
      inputMode={field.type === 'number' ? 'decimal' : 'text'}
      aria-label={label}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  )
}

/**
 * Items (pipeline stages, named calls) as compact cards: the first (text) field and a remove button
 * on one line, the other fields in a grid below, each with its label and unit.
 */
export function ListEditor({ spec, items, onChange }: { spec: ListSpec; items: readonly ListItem[]; onChange(v: readonly ListItem[]): void }) {
  const set = (i: number, key: string, v: FieldValue) => onChange(items.map((it, k) => (k === i ? { ...it, [key]: v } : it)))
  const [head, ...rest] = spec.fields
  return (
    <div className="list-editor" data-param={spec.key}>
      <div className="list-title">
        <span className="slider-label">{spec.label}</span>
        <span className="slider-value">
          {items.length} <small>of {spec.minItems}–{spec.maxItems}</small>
        </span>
      </div>
      <ol className="list-items">
        {items.map((item, i) => (
          <li key={i} className="list-item">
            <div className="list-head">
              <span className="list-index">{i + 1}</span>
              <Field field={head} value={item[head.key]} label={`${spec.label} ${i + 1} ${head.label}`} onCommit={(v) => set(i, head.key, v)} />
              <button
                className="list-remove"
                aria-label={`Remove ${spec.label.toLowerCase()} ${i + 1}`}
                title="Remove"
                disabled={items.length <= spec.minItems}
                onClick={() => onChange(items.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
            <div className="list-fields" style={{ gridTemplateColumns: `repeat(${Math.min(rest.length, 4)}, 1fr)` }}>
              {rest.map((f) => (
                <label key={f.key} className="list-field" title={f.type === 'number' ? `${f.min}–${f.max} ${f.unit}` : undefined}>
                  <span>
                    {f.label}
                    {f.type === 'number' && f.unit ? ` ${f.unit}` : ''}
                  </span>
                  <Field field={f} value={item[f.key]} label={`${spec.label} ${i + 1} ${f.label}`} onCommit={(v) => set(i, f.key, v)} />
                </label>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <button className="list-add" disabled={items.length >= spec.maxItems} onClick={() => onChange([...items, spec.newItem(items.length)])}>
        + Add {spec.label.toLowerCase().replace(/s$/, '')}
      </button>
      {spec.hint && <div className="slider-hint">{spec.hint}</div>}
    </div>
  )
}
