import { decodeScenario, encodeScenario } from '../core/url'
import { initialState, makeNotice, store } from './app'

/**
 * URL ⇄ scenario. The page's query string is read once at start (bad values are replaced by the
 * nearest valid ones, with a notice saying what changed); afterwards every scenario change is
 * written back with history.replaceState, so the address bar is always a shareable link.
 */
export function startUrlSync(): () => void {
  const { scenario, notices } = decodeScenario(window.location.search)
  const linkNotices = notices.length > 0 ? [makeNotice('warning', `This link had settings that could not be used as given. ${notices.join(' ')}`)] : []
  store.setState(initialState(scenario, linkNotices))
  const write = () => {
    const q = '?' + encodeScenario(store.getState().scenario)
    if (q !== window.location.search) window.history.replaceState(null, '', q + window.location.hash)
  }
  write()
  let last = store.getState().scenario
  return store.subscribe((s) => {
    if (s.scenario !== last) {
      last = s.scenario
      write()
    }
  })
}
