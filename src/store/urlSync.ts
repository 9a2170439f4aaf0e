import { decodeScenario, encodeScenario } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import { initialState, makeNotice, store } from './app'

/**
 * URL ⇄ scenario. The page's query string is read once at start (bad values are replaced by the
 * nearest valid ones, with a notice saying what changed); afterwards every scenario change is
 * written back with history.replaceState, so the address bar is always a shareable link.
 */
const URL_WRITE_DELAY_MS = 150

export function currentLink(): string {
  const { scenario, presetId } = store.getState()
  return '?' + encodeScenario(REGISTRY, scenario, presetId)
}

export function startUrlSync(): () => void {
  const { scenario, notices, presetId, remembered } = decodeScenario(REGISTRY, window.location.search)
  const linkNotices = notices.length > 0 ? [makeNotice('warning', `This link had settings that could not be used as given. ${notices.join(' ')}`)] : []
  store.setState(initialState(scenario, linkNotices, presetId, Object.fromEntries(remembered)))
  const write = () => {
    const q = currentLink()
    if (q !== window.location.search) window.history.replaceState(null, '', q + window.location.hash)
  }
  write()
  // Writes are debounced: dragging a slider changes the scenario many times a second, and Chrome
  // ignores history.replaceState calls that come too fast (IPC flooding protection).
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    write()
  }
  window.addEventListener('pagehide', flush)
  let last = store.getState().scenario
  let lastPreset = store.getState().presetId
  const unsubscribe = store.subscribe((s) => {
    if (s.scenario === last && s.presetId === lastPreset) return
    last = s.scenario
    lastPreset = s.presetId
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(flush, URL_WRITE_DELAY_MS)
  })
  return () => {
    unsubscribe()
    window.removeEventListener('pagehide', flush)
    if (timer !== null) clearTimeout(timer)
  }
}
