import { store, type ViewState } from './app'

export function setView(patch: Partial<ViewState>): void {
  store.setState((s) => ({ view: { ...s.view, ...patch } }))
}

export function toggleView(key: 'code' | 'projector' | 'blank' | 'settings' | 'help' | 'scenes'): void {
  const v = store.getState().view
  setView({ [key]: !v[key] })
}

/** Shows `main`, or the timeline again when it is already shown. */
export function toggleMain(main: ViewState['main']): void {
  const v = store.getState().view
  setView({ main: v.main === main ? 'timeline' : main })
}

/** Full screen on or off (the browser may refuse: then nothing happens). */
export function toggleFullscreen(): void {
  if (typeof document === 'undefined') return
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
  else void document.documentElement.requestFullscreen?.().catch(() => {})
}

/** Closes whatever dialog is open; returns whether there was one. */
export function closeDialogs(): boolean {
  const v = store.getState().view
  if (!v.help && !v.scenes && !v.blank) return false
  setView({ help: false, scenes: false, blank: false })
  return true
}
