import type { KeyboardEvent } from 'react'
import { REGISTRY } from '../patterns/registry'
import { runOrStop } from '../store/actions'
import { setPattern } from '../store/settings'
import { useApp } from './hooks'

/**
 * A radio group's keys: ← → ↑ ↓ pick the previous / next pattern, Home / End the first / last; the
 * focus follows (one Tab stop for the group, on the chosen pattern). The presenter's ← → move
 * between scenes only when the focus is not here.
 */
function onPatternKey(e: KeyboardEvent<HTMLDivElement>, current: string): void {
  const ids = REGISTRY.modules.map((m) => m.id)
  const i = ids.indexOf(current)
  const step = new Map([['ArrowLeft', i - 1], ['ArrowUp', i - 1], ['ArrowRight', i + 1], ['ArrowDown', i + 1], ['Home', 0], ['End', ids.length - 1]])
  const next = step.get(e.key)
  if (next === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
  e.preventDefault()
  e.stopPropagation()
  const id = ids[(next + ids.length) % ids.length]
  setPattern(id)
  e.currentTarget.querySelector<HTMLElement>(`[data-pattern="${id}"]`)?.focus()
}

/** The patterns (keys 1…9) and Run / Stop. */
export function Toolbar() {
  const pattern = useApp((s) => s.scenario.pattern)
  const status = useApp((s) => s.status)
  const busy = status === 'starting' || status === 'running'
  return (
    <div className="toolbar">
      <div className="patterns" role="radiogroup" aria-label="Pattern" onKeyDown={(e) => onPatternKey(e, pattern)}>
        {REGISTRY.modules.map((m, i) => (
          <button
            key={m.id}
            role="radio"
            aria-checked={pattern === m.id}
            tabIndex={pattern === m.id ? 0 : -1}
            className={pattern === m.id ? 'on' : ''}
            data-pattern={m.id}
            onClick={() => setPattern(m.id)}
            title={`${m.title} (key ${i + 1})`}
          >
            <kbd>{i + 1}</kbd> <span className="pattern-name">{m.short}</span>
          </button>
        ))}
      </div>
      <button
        className={`run ${busy ? 'stop' : ''}`}
        onClick={(e) => runOrStop(e.detail >= 2)}
        title={status === 'stopping' ? 'Stopping… a Run pressed now starts as soon as it has stopped' : 'Run / Stop (Space)'}
        data-testid="run"
      >
        {busy ? '■ Stop' : '▶ Run'}
      </button>
    </div>
  )
}
