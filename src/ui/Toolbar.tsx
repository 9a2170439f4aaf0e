import { REGISTRY } from '../patterns/registry'
import { runOrStop } from '../store/actions'
import { setPattern } from '../store/settings'
import { useApp } from './hooks'

/** The patterns (keys 1…9) and Run / Stop. */
export function Toolbar() {
  const pattern = useApp((s) => s.scenario.pattern)
  const status = useApp((s) => s.status)
  const busy = status === 'starting' || status === 'running'
  return (
    <div className="toolbar">
      <div className="patterns" role="radiogroup" aria-label="Pattern">
        {REGISTRY.modules.map((m, i) => (
          <button
            key={m.id}
            role="radio"
            aria-checked={pattern === m.id}
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
