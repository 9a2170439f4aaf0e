/// <reference lib="webworker" />
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { HEADERS } from './headers'

/**
 * The service worker (built by vite-plugin-pwa to dist/sw.js, registered by src/serviceWorker.ts).
 *
 * - Offline after one visit: the whole build (page, chunks, lazily loaded views, worker bundles,
 *   stylesheet, icon; the list is injected at build time) is precached when the worker installs,
 *   i.e. on the first visit. It is installed only if every file arrived with a 200, so a failed
 *   download leaves no half or wrong copy: the next visit tries again.
 * - Every navigation to the app's page is answered with the precached index.html, whatever its
 *   query: a 20 KB link never reaches a server that would answer 431, and no server's answer to a
 *   navigation is ever stored. Nothing is cached at run time.
 * - Every response it serves carries HEADERS (COOP/COEP, CSP, nosniff), the technique of
 *   "coi-serviceworker": on a static host that sends no headers the page and its workers are
 *   cross-origin isolated once this worker controls them (a dedicated worker takes COEP from its
 *   own script's response). src/serviceWorker.ts reloads the page once when it is not.
 */
declare let self: ServiceWorkerGlobalScope

/** The hand-written worker of earlier versions kept its files here (and possibly an error page). */
const OLD_CACHE = 'go-concurrency-v1'

/** Responses whose status forbids a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

function withHeaders(res: Response): Response {
  if (res.type === 'error' || res.type === 'opaque' || res.type === 'opaqueredirect' || res.status === 0) return res
  const headers = new Headers(res.headers)
  for (const [k, v] of Object.entries(HEADERS)) headers.set(k, v)
  return new Response(NULL_BODY.has(res.status) ? null : res.body, { status: res.status, statusText: res.statusText, headers })
}

const servedWithHeaders: WorkboxPlugin = {
  // Only a 200 is stored (Workbox's own rule for the precache would keep any status below 400).
  cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
  handlerWillRespond: async ({ response }) => withHeaders(response),
}

addPlugins([servedWithHeaders])
cleanupOutdatedCaches()
// oxlint-disable-next-line no-underscore-dangle -- Workbox's injection point: the build puts the file list there
precacheAndRoute(self.__WB_MANIFEST)

// The app is one page, `/` (or `/index.html`) with its scenario in the query.
const scope = new URL(self.registration.scope).pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [new RegExp(`^${scope}(index\\.html)?(\\?.*)?$`)] }))

/*
 * Lifecycle. The first install takes control of the open page at once (nothing was there before:
 * clientsClaim). A new version, though, waits: taking over a page that runs the old version would
 * delete the old chunks and worker bundles from the precache while that page may still load them
 * (a view opened later, a thread added). The page asks a waiting worker to take over when it
 * starts, and reloads (src/serviceWorker.ts); otherwise it takes over once every tab is closed.
 */
clientsClaim()
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})
/*
 * A new version also becomes active by itself when the last page of the old one goes, as on a
 * reload: the reloaded page then got the old build from the old worker, and this one claims it,
 * maybe before the page listens for that. So when this worker replaces an older one, every page
 * open then is told that a new build is active; the message waits until the page listens, and a
 * page that an older worker served reloads (src/serviceWorker.ts). A first install says nothing:
 * a page that opens while it activates (a first visit's second link) must not reload and lose
 * what its link said. (If this worker is stopped while it waits, the flag is gone and the page
 * reloads only at its next start.)
 */
let replacesOlder = false
self.addEventListener('install', () => {
  replacesOlder = self.registration.active !== null
})
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      await caches.delete(OLD_CACHE)
      if (!replacesOlder) return
      const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      for (const page of pages) page.postMessage({ type: 'NEW_BUILD' })
    })(),
  ),
)
