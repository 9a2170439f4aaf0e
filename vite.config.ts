import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
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
  ],
  worker: { format: 'es' },
  server: { headers: ISOLATION },
  preview: { headers: HEADERS },
  // Source maps are not shipped; `SOURCEMAP=1 npm run build` makes them for a local debugging build.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1' },
})
