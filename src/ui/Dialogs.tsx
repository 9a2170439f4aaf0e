import { REGISTRY } from '../patterns/registry'
import { DECK } from '../store/deck'
import { manualCopy } from '../store/manualCopy'
import { applyPreset } from '../store/settings'
import { setView } from '../store/view'
import { Dialog, DialogHead } from './Dialog'
import { useApp } from './hooks'

/*
 * The page's dialogs that a key or a click opens: the keys, the scenes of the talk, the text to
 * copy by hand. They load when one is first opened (App and Tools import them lazily).
 */

export interface KeyHelp {
  keys: string
  what: string
}

/** What the presenter keys do (they are handled in keyboard.ts: keep the two in step). */
export const KEYS: KeyHelp[] = [
  { keys: 'Space', what: 'Run / Stop' },
  { keys: 'Esc', what: 'Stop; close this help, a dialog, a menu or a blank screen' },
  { keys: '← →  PgUp PgDn', what: 'Previous / next scene of the talk' },
  { keys: 'A', what: 'Run the scene’s whole comparison and show it stacked' },
  { keys: 'N', what: 'Pin this run (up to four) · C shows the pinned runs' },
  { keys: 'R', what: 'Replay from the start · K pause / resume' },
  { keys: ',  .', what: 'Replay: previous / next event (a job begins or ends, a value is received, a barrier, a goroutine exits, a hovered lane’s change)' },
  { keys: 'Shift + ← →', what: 'Replay: 5 % back / forward' },
  { keys: '[  ]', what: 'Replay slower / faster' },
  { keys: `1–${REGISTRY.modules.length}`, what: REGISTRY.modules.map((m) => m.short).join(' · ') },
  { keys: 'G', what: 'The Go code beside the timeline' },
  { keys: 'T', what: 'The timeline as a table: per goroutine, its jobs and the time in each state' },
  { keys: 'P', what: 'Projector mode: large type and thick bars' },
  { keys: 'F  B', what: 'Full screen · blank the screen' },
  { keys: 'H', what: 'Hide / show the settings' },
  { keys: '?', what: 'This help' },
]

/** The keys (?). */
export function HelpDialog() {
  const close = () => setView({ help: false })
  return (
    <Dialog label="Keyboard" className="help" onClose={close}>
      <DialogHead onClose={close}>Keys</DialogHead>
      <table>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k.keys}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>{k.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}

/** Every scene with its lesson and its own short link. */
export function SceneList() {
  const presetId = useApp((s) => s.presetId)
  const close = () => setView({ scenes: false })
  return (
    <Dialog label="Scenes of the talk" className="scenes" onClose={close}>
      <DialogHead onClose={close}>Scenes of the talk</DialogHead>
      <ol>
        {DECK.map((p) => (
          <li key={p.id} className={p.id === presetId ? 'current' : ''}>
            <button
              className="scene-open"
              aria-current={p.id === presetId ? 'true' : undefined}
              onClick={() => {
                applyPreset(p.id)
                close()
              }}
            >
              <b>{p.title}</b>
              <span>{p.lesson}</span>
            </button>
            <a href={`?preset=${p.id}`} className="scene-link" title="The scene’s own link" onClick={(e) => e.stopPropagation()}>
              ?preset={p.id}
            </a>
          </li>
        ))}
      </ol>
    </Dialog>
  )
}

/** The text an export could not put on the clipboard, selected, to copy by hand. */
export function ManualCopy({ onClose }: { onClose(): void }) {
  return (
    <Dialog label={`${manualCopy.kind} to copy`} onClose={onClose}>
      <div className="dialog-head">
        <h2>{manualCopy.kind}: copy it from here</h2>
        <button className="tool" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <p id="manual-copy-help">The browser did not allow the page to write to the clipboard. The text is selected: press Ctrl+C (⌘C).</p>
      <textarea className="manual-copy" readOnly value={manualCopy.text} data-autofocus aria-label={manualCopy.kind} aria-describedby="manual-copy-help" onFocus={(e) => e.target.select()} />
    </Dialog>
  )
}
