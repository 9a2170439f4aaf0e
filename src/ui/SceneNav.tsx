import { DECK } from '../store/deck'
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
