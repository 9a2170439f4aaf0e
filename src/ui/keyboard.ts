import { REGISTRY } from '../patterns/registry'
import { store } from '../store/app'
import { replay, runOrStop, seek, stepSpeed, stop, togglePause } from '../store/actions'
import { setPattern } from '../store/settings'
import { cursorTime } from '../store/playback'
import { traceHub } from '../store/traceHub'

export interface KeyHelp {
  keys: string
  what: string
}

export const KEYS: KeyHelp[] = [
  { keys: 'Space', what: 'Run / Stop' },
  { keys: 'Esc', what: 'Stop' },
  { keys: 'R', what: 'Replay from the start' },
  { keys: 'K', what: 'Pause / resume replay' },
  { keys: '[  ]', what: 'Replay slower / faster' },
  { keys: '←  →', what: 'Step the replay back / forward 5 %' },
  { keys: `1–${REGISTRY.modules.length}`, what: REGISTRY.modules.map((m) => m.short).join(' · ') },
  { keys: 'H', what: 'Hide / show the settings' },
  { keys: '?', what: 'This help' },
]

/** Keys that belong to the focused control: text entry, or a slider's own arrow keys. */
function ownedByControl(e: KeyboardEvent): boolean {
  const t = e.target
  if (!(t instanceof HTMLElement)) return false
  if (t instanceof HTMLInputElement) return t.type === 'range' ? e.key.startsWith('Arrow') : true
  return t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable
}

/** Presenter keys. Returns the listener's remover. */
export function installKeyboard(toggle: { help(): void; controls(): void }): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || ownedByControl(e)) return
    // A focused button would also act on Space/Enter when the key comes up: the keys are ours.
    if (e.target instanceof HTMLButtonElement) e.target.blur()
    const k = e.key
    if (k === ' ') runOrStop()
    else if (k === 'Escape') void stop()
    else if (k === 'r' || k === 'R') replay()
    else if (k === 'k' || k === 'K') togglePause()
    else if (k === '[') stepSpeed(-1)
    else if (k === ']') stepSpeed(1)
    else if (k === 'ArrowLeft' || k === 'ArrowRight') {
      const tr = traceHub.get()
      if (!tr) return
      const end = tr.end
      const t = cursorTime(store.getState().playback, end)
      seek(t + (k === 'ArrowLeft' ? -0.05 : 0.05) * end)
    } else if (k >= '1' && k <= '9' && Number(k) <= REGISTRY.modules.length) setPattern(REGISTRY.modules[Number(k) - 1].id)
    else if (k === 'h' || k === 'H') toggle.controls()
    else if (k === '?') toggle.help()
    else return
    e.preventDefault()
  }
  window.addEventListener('keydown', onKey)
  return () => window.removeEventListener('keydown', onKey)
}
