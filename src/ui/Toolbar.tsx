import { computeMetrics } from '../core/metrics'
import { toChromeTrace } from '../core/chromeTrace'
import { REGISTRY } from '../patterns/registry'
import { SPEEDS } from '../store/app'
import { replay, runOrStop, setSpeed, togglePause } from '../store/actions'
import { setPattern } from '../store/settings'
import { traceHub } from '../store/traceHub'
import { useApp } from './hooks'

function downloadTrace(): void {
  const tr = traceHub.get()
  if (!tr) return
  const s = tr.scenario
  const mod = REGISTRY.module(s.pattern)
  const json = JSON.stringify(toChromeTrace(tr, computeMetrics(tr, traceHub.theory()), mod.summary(s)))
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
  const stamp = new Date(tr.meta.startedAt).toISOString().replace(/[:.]/g, '-')
  a.download = `trace-${s.pattern}-${stamp}.json`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

export function Toolbar({ hasTrace }: { hasTrace: boolean }) {
  const pattern = useApp((s) => s.scenario.pattern)
  const status = useApp((s) => s.status)
  const playback = useApp((s) => s.playback)
  const busy = status === 'starting' || status === 'running'
  const replaying = playback.mode === 'replay'
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
            <kbd>{i + 1}</kbd> {m.short}
          </button>
        ))}
      </div>
      <button className={`run ${busy ? 'stop' : ''}`} onClick={runOrStop} title="Run / Stop (Space)" data-testid="run">
        {busy ? '■ Stop' : '▶ Run'}
      </button>
      <div className="replay" aria-label="Replay">
        <button onClick={replay} disabled={busy || !hasTrace} title="Replay from the start (R)" data-testid="replay">
          ⟲ Replay
        </button>
        <button onClick={togglePause} disabled={busy || !hasTrace} title="Pause / resume (K)" data-testid="pause">
          {replaying && playback.playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label className="speed">
          <select
            value={playback.speed}
            onChange={(e) => {
              setSpeed(Number(e.target.value))
              e.target.blur()
            }}
            aria-label="Replay speed"
            data-testid="speed"
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <button onClick={downloadTrace} disabled={busy || !hasTrace} title="Chrome Trace Event JSON: open in Perfetto or chrome://tracing">
        ⤓ Download trace
      </button>
    </div>
  )
}
