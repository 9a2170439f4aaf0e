import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// Cross-origin isolation: 5 µs timers and SharedArrayBuffer (used to stop cpu work mid-job).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: 'es2022', sourcemap: true },
})
