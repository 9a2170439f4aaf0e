import { parseGo, type GoLine } from '../core/gosource'
import type { Claim } from '../core/scenario'
import { REGISTRY } from '../patterns/registry'

/**
 * The parts of a pattern module that load when first shown (each a chunk of its own): its Go text
 * for the code panel, its claims for a scene of the talk. Loaded once per pattern and kept. One
 * promise per pattern and part (React's `use` needs the same one on every render); a failed load
 * stays failed until the page is reloaded, as a lazily loaded component does.
 */
function cached<T>(load: (pattern: string) => Promise<T>): (pattern: string) => Promise<T> {
  const promises = new Map<string, Promise<T>>()
  return (pattern) => {
    let p = promises.get(pattern)
    if (!p) {
      p = load(pattern)
      promises.set(pattern, p)
    }
    return p
  }
}

const loadedGo = new Map<string, GoLine[]>()

/** A pattern's Go, as lines with their tags. */
export const loadGoLines = cached(async (pattern) => {
  const lines = parseGo(await REGISTRY.module(pattern).go())
  loadedGo.set(pattern, lines)
  return lines
})

/** A pattern's Go lines once loaded, else null (a line can only be picked in a panel that shows them). */
export function goLinesIfLoaded(pattern: string): GoLine[] | null {
  return loadedGo.get(pattern) ?? null
}

const NO_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {}

/** What the talk says about a pattern's presets, by preset id. */
export const loadClaims = cached(async (pattern) => (await REGISTRY.module(pattern).claims?.()) ?? NO_CLAIMS)
