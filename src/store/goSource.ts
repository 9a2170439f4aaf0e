import { parseGo, type GoLine } from '../core/gosource'
import { REGISTRY } from '../patterns/registry'

/**
 * The patterns' Go, for the code panel: each module's Go text is a chunk of its own, loaded when the
 * panel first shows that pattern, parsed once and kept. One promise per pattern (React's `use` needs
 * the same one on every render); a failed load stays failed until the page is reloaded, as a lazily
 * loaded component does.
 */
const loading = new Map<string, Promise<GoLine[]>>()
const loaded = new Map<string, GoLine[]>()

export function loadGoLines(pattern: string): Promise<GoLine[]> {
  let p = loading.get(pattern)
  if (!p) {
    p = REGISTRY.module(pattern)
      .go()
      .then((text) => {
        const lines = parseGo(text)
        loaded.set(pattern, lines)
        return lines
      })
    loading.set(pattern, p)
  }
  return p
}

/** A pattern's Go lines once loaded, else null (a line can only be picked in a panel that shows them). */
export function goLinesIfLoaded(pattern: string): GoLine[] | null {
  return loaded.get(pattern) ?? null
}
