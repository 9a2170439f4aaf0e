import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/browser'

const PORT = 4174

/** `npm run bench`: the speed targets, measured on a production build; writes BENCHMARKS.md. */
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  timeout: 300_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    cwd: '..',
    timeout: 60_000,
  },
})
