// Offline support: once the app has loaded, it opens and runs without a network.
// Pages: network first (a new build shows up at once), the cached copy when offline.
// Other same-origin files (hashed assets, workers, icon): cache first.
// Cached responses keep their headers, so COOP/COEP (cross-origin isolation) survive offline.
const CACHE = 'go-concurrency-v1'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const req = event.request
  const url = new URL(req.url)
  if (req.method !== 'GET' || url.origin !== self.location.origin) return
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone()
          caches.open(CACHE).then((c) => c.put('/', copy))
          return res
        })
        .catch(() => caches.open(CACHE).then((c) => c.match('/')).then((res) => res ?? Response.error())),
    )
    return
  }
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) c.put(req, res.clone())
            return res
          }),
      ),
    ),
  )
})
