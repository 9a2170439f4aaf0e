import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/browser'

/** BENCH_PORT: another port, to bench two checkouts one after the other without a clash */
const PORT = Number(process.env.BENCH_PORT ?? 4174)

/** `npm run bench`: the speed targets, measured on a production build; writes BENCHMARKS.md. */
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  timeout: 900_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1440, height: 900 },
    // precise performance.memory for the flat-memory case
    launchOptions: { ...chromiumLaunchOptions(), args: [...chromiumLaunchOptions().args, '--enable-precise-memory-info', '--js-flags=--expose-gc'] },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    cwd: '..',
    timeout: 60_000,
  },
})
