/**
 * Text an export could not put on the clipboard: shown in a dialog to copy by hand. Apart from the
 * exports (store/exports.ts, loaded with the first export) so that the page can listen from the start.
 */
export const manualCopy = { text: '', kind: '' }

type Listener = () => void
const listeners = new Set<Listener>()

export function onManualCopy(l: Listener): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function showManualCopy(text: string, kind: string): void {
  manualCopy.text = text
  manualCopy.kind = kind
  for (const l of listeners) l()
}
