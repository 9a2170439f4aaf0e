/**
 * The response headers of the built app, in one place. `vite preview` sends them, the build writes
 * them to `dist/_headers` (Netlify, Cloudflare Pages), and the service worker (src/sw.ts) puts them
 * on every response it serves, so on a host that sends no headers at all the app has them from its
 * second load on (the first load installs the service worker; see src/serviceWorker.ts).
 *
 * Plain data, no DOM: imported by vite.config.ts (Node) and by the service worker.
 */

/** Cross-origin isolation: 5 µs timers and SharedArrayBuffer (the flag Stop uses to end cpu work). */
export const ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

/**
 * Content-Security-Policy. Everything comes from this origin: no inline script (the build emits
 * none; the Vite plugin in vite.config.ts checks), workers and the service worker from `self`, no
 * inline style either (React and D3 set styles through the CSSOM, which CSP does not restrict).
 * `blob:` and `data:` images: Save PNG draws the exported SVG from a blob URL. No fetches leave
 * the origin, no plugins, no forms, and no other page may frame this one.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
]

/** For a `<meta http-equiv>`: `frame-ancestors` is ignored there (and warned about), so left out. */
export const CSP_META = CSP_DIRECTIVES.join('; ')

export const CSP = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/** Every response of the built app carries these. */
export const HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION,
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
}

/** `_headers` in the Netlify / Cloudflare Pages format: the same headers on every path. */
export function headersFile(): string {
  return ['/*', ...Object.entries(HEADERS).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n')
}
