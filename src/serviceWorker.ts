import { isBusyStatus, store } from './store/app'

/** sessionStorage key: this tab has already reloaded once to become cross-origin isolated. */
const RELOADED = 'go-concurrency:isolation-reload'

let reloading = false

/** Reloads now, or when the run under way has ended (a reload must not cut a run short); once. */
function reloadWhenIdle(): void {
  if (reloading) return
  reloading = true
  const busy = () => isBusyStatus(store.getState().status)
  if (!busy()) {
    location.reload()
    return
  }
  const stop = store.subscribe(() => {
    if (busy()) return
    stop()
    location.reload()
  })
}

/** True the first time in this tab: the guard against a reload loop. */
function firstReload(): boolean {
  try {
    if (sessionStorage.getItem(RELOADED)) return false
    sessionStorage.setItem(RELOADED, '1')
    return true
  } catch {
    return false // no storage: never reload, rather than perhaps forever
  }
}

/**
 * Registers the service worker of the built app (src/sw.ts, built to /sw.js) with a plain
 * `register` (workbox-window would add to the first page's JavaScript):
 * - a page that is not cross-origin isolated (a host that sends no COOP/COEP) reloads once the
 *   worker is active, so that the worker, which adds those headers, serves it; once per tab;
 * - a new version of the app that has been downloaded and waits is told to take over when the
 *   page starts, and the page reloads into it.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const sw = navigator.serviceWorker
  // the worker that served this page; null on a first visit
  const servedBy = sw.controller
  let controlled = servedBy !== null
  sw.addEventListener('controllerchange', () => {
    // the first install takes control of this page (same build): nothing to do; a new version
    // took over because this page asked it to: load it
    if (controlled) reloadWhenIdle()
    controlled = true
  })
  // a new build became active (src/sw.ts): this page, served by an older worker, is the old build
  sw.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'NEW_BUILD' && servedBy !== null) reloadWhenIdle()
  })
  window.addEventListener('load', () => {
    sw.register('/sw.js')
      .then((reg) => {
        if (reg?.waiting && sw.controller) reg.waiting.postMessage({ type: 'SKIP_WAITING' })
      })
      .catch((e: unknown) => console.warn('The service worker could not be registered: the app will not work offline.', e))
  })
  if (!globalThis.crossOriginIsolated) {
    void sw.ready.then(() => {
      if (!globalThis.crossOriginIsolated && firstReload()) reloadWhenIdle()
    })
  }
}
