import { DECK } from '../store/deck'
import { Dialog, DialogHead } from './Dialog'
import { applyPreset } from '../store/settings'
import { stepScene } from '../store/deck'
import { setView } from '../store/view'
import { useApp } from './hooks'

/** ◀ 3 / 17 ▶: the talk's scenes, in order (← → or a clicker's PageUp / PageDown). */
export function SceneNav() {
  const presetId = useApp((s) => s.presetId)
  const i = presetId ? DECK.findIndex((p) => p.id === presetId) : -1
  return (
    <nav className="scene-nav" aria-label="Scenes of the talk">
      <button className="tool" onClick={() => stepScene(-1)} disabled={i === 0} aria-label="Previous scene" title="Previous scene (← or PageUp)">
        ◀
      </button>
      <button className="tool scene-count" onClick={() => setView({ scenes: true })} title="All scenes of the talk" data-testid="scene-count">
        {i >= 0 ? `${i + 1} / ${DECK.length}` : `– / ${DECK.length}`}
      </button>
      <button className="tool" onClick={() => stepScene(1)} disabled={i === DECK.length - 1} aria-label="Next scene" title="Next scene (→ or PageDown)">
        ▶
      </button>
    </nav>
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
