import { deckOf } from '../patterns/deck'
import { REGISTRY } from '../patterns/registry'
import { store } from './app'
import { applyPreset } from './settings'

/** The talk's scenes in order. */
export const DECK = deckOf(REGISTRY)

/** Position of the current scene in the deck (−1 when the settings are not a preset's). */
export function sceneIndex(): number {
  const id = store.getState().presetId
  return id ? DECK.findIndex((p) => p.id === id) : -1
}

/** Opens the next (+1) or previous (−1) scene; from outside the deck, the first or the last. */
export function stepScene(dir: 1 | -1): void {
  const i = sceneIndex()
  const next = i < 0 ? (dir > 0 ? 0 : DECK.length - 1) : Math.min(DECK.length - 1, Math.max(0, i + dir))
  if (next !== i) applyPreset(DECK[next].id)
}
