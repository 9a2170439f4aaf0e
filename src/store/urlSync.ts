import { decodeScenario, encodeScenario, type Decoded } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import { abandonRun } from './actions'
import { initialState, makeNotice, store, type Notice } from './app'
import { MAX_NOTICES_SHOWN } from './notices'
import { traceHub } from './traceHub'

/**
 * URL ⇄ scenario. The page's query string is read at start, and again when the browser goes back
 * or forward to an entry of this page with another query (popstate: entries made by changing the
 * #hash keep the query of their time). Bad values are replaced by the nearest valid ones, with a
 * notice saying what changed; afterwards every scenario change is written back with
 * history.replaceState, so the address bar is always a shareable link.
 */
const URL_WRITE_DELAY_MS = 150

export function currentLink(): string {
  const { scenario, presetId } = store.getState()
  return '?' + encodeScenario(REGISTRY, scenario, presetId)
}

/** The notice for what a link had to change, or none when it was taken as written. */
function linkNotice(d: Decoded): Notice[] {
  if (d.notices.length === 0) return []
  const lead = d.tooLong === undefined ? 'This link had settings that could not be used as given. ' : ''
  return [{ ...makeNotice('warning', lead + d.notices.join(' ')), from: 'link' }]
}

/**
 * Opens the link the address bar holds now (back or forward): its scenario, unless it is the one
 * on screen, as a new scene opens (a run under way is stopped, the last run leaves the screen).
 * Its notice replaces the last link's.
 */
function openLink(d: Decoded): void {
  const st = store.getState()
  const notices = [...st.notices.filter((n) => n.from !== 'link'), ...linkNotice(d)].slice(-MAX_NOTICES_SHOWN)
  const same = encodeScenario(REGISTRY, d.scenario, d.presetId) === encodeScenario(REGISTRY, st.scenario, st.presetId)
  if (same) {
    store.setState({ notices })
    return
  }
  abandonRun()
  traceHub.set(null)
  store.setState((s) => ({
    scenario: d.scenario,
    presetId: d.presetId,
    remembered: { ...s.remembered, ...Object.fromEntries(d.remembered) },
    // the last run leaves the screen, and what was said about it
    notices: notices.filter((n) => n.from !== 'run'),
    status: 'ready',
    playback: { ...s.playback, mode: 'still', playing: false },
  }))
}

export function startUrlSync(): () => void {
  const first = decodeScenario(REGISTRY, window.location.search)
  store.setState(initialState(first.scenario, linkNotice(first), first.presetId, Object.fromEntries(first.remembered)))
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
  // A write still pending was meant for the entry we left: it is dropped (flush() writes the new
  // entry's own link at once), so it cannot land later on this entry, or on the next one.
  const onPopState = () => {
    openLink(decodeScenario(REGISTRY, window.location.search))
    flush()
  }
  window.addEventListener('pagehide', flush)
  window.addEventListener('popstate', onPopState)
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
    window.removeEventListener('popstate', onPopState)
    if (timer !== null) clearTimeout(timer)
  }
}
