import type { Preset } from '../core/scenario'
import type { Registry } from './registry'

/**
 * The presets in the order of the talk: by rank (SCENARIOS.md §11; a variant right after its
 * scene), then those without a rank in the order the registry lists them.
 */
export function deckOf(registry: Registry): Preset[] {
  const all = registry.presets
  const ranked = all.filter((p) => p.rank !== undefined).toSorted((a, b) => (a.rank as number) - (b.rank as number))
  return [...ranked, ...all.filter((p) => p.rank === undefined)]
}
