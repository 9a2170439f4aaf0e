import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { CSP_META, HEADERS, ISOLATION, headersFile } from './src/headers'

/**
 * The built page's own Content-Security-Policy (a `<meta>`, for a host that sends no headers, before
 * the service worker adds the real header) and `dist/_headers` for hosts that read that file. Build
 * only: in development Vite injects an inline script (React refresh), which this policy forbids.
 * The build fails if index.html would carry an inline script or style, which the policy blocks.
 */
function securityHeaders(): Plugin {
  return {
    name: 'go-concurrency:security-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = /<script\b(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=/i.exec(html)
        if (inline) throw new Error(`index.html has inline code the Content-Security-Policy blocks: ${inline[0]}`)
        // right after <meta charset> (which must come first), before anything the policy governs
        const charset = /<meta charset="[^"]*"\s*\/?>/i
        if (!charset.test(html)) throw new Error('index.html has no <meta charset>: the policy goes after it')
        return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`)
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() })
    },
  }
}

export default defineConfig({
  plugins: [
    react(),
    securityHeaders(),
    // The service worker (src/sw.ts): precaches the whole build on the first visit, answers every
    // navigation with the precached page and adds HEADERS to what it serves (see src/sw.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts', // built to dist/sw.js: the address the earlier hand-written worker had, so it is replaced in place
      injectRegister: false, // registered by hand in src/serviceWorker.ts: no workbox-window in the first page's JavaScript
      manifest: false,
      injectManifest: {
        // every file the app can load: the page, its chunks, the lazily loaded views and exports, the
        // worker bundles, the stylesheet and the icon (dist/_headers and source maps are not loaded)
        globPatterns: ['**/*.{html,js,css,svg}'],
        rollupFormat: 'iife', // a classic service worker: module service workers are newer in some browsers
      },
    }),
  ],
  worker: { format: 'es' },
  server: { headers: ISOLATION },
  preview: { headers: HEADERS },
  // Source maps are not shipped; `SOURCEMAP=1 npm run build` makes them for a local debugging build.
  build: {
    target: 'es2022',
    sourcemap: process.env.SOURCEMAP === '1',
    rolldownOptions: {
      output: {
        // Everything the page imports statically goes into its one entry chunk. Left alone, Rolldown
        // splits out every module a lazily loaded chunk shares with the page (the registry, the trace,
        // React's runtime…) into ~15 small chunks the first page fetches anyway: more requests, and
        // each compresses on its own (about 4 KB more gzip in all). Lazily loaded chunks keep only
        // their own code and import the rest from the entry.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
})
