import { SPEEDS, isBusyStatus } from '../store/app'
import { setSpeed } from '../store/actions'
import { runExport } from '../store/exportActions'
import { useApp } from './hooks'
import { releaseAfterPointer } from './keyboard'
import { playPauseRun, replayRun } from './motion'

/** Replay of the recorded run (nothing is re-run), its speed, and the trace download: beside the scrubber. */
export function ReplayControls({ hasTrace, after }: { hasTrace: boolean; after?: boolean }) {
  const status = useApp((s) => s.status)
  // not the whole playback state: its clock changes when a run begins, and nothing here shows it
  const pausable = useApp((s) => s.playback.mode === 'replay' && s.playback.playing)
  const speed = useApp((s) => s.playback.speed)
  const busy = isBusyStatus(status)
  if (after) {
    return (
      <button className="tool" onClick={() => void runExport('downloadTrace')} disabled={busy || !hasTrace} title="Chrome Trace Event JSON: open in Perfetto or chrome://tracing">
        ⤓ Download trace
      </button>
    )
  }
  return (
    <div className="replay" role="group" aria-label="Replay">
      <button className="tool" onClick={replayRun} disabled={busy || !hasTrace} title="Replay from the start (R)" data-testid="replay">
        ⟲ Replay
      </button>
      <button className="tool" onClick={playPauseRun} disabled={busy || !hasTrace} title="Pause / resume (K)" data-testid="pause">
        {pausable ? '❚❚ Pause' : '▶ Play'}
      </button>
      <select
        value={speed}
        onChange={(e) => {
          setSpeed(Number(e.target.value))
          releaseAfterPointer(e.target)
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
    </div>
  )
}
