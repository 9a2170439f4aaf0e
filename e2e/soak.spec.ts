import type { CDPSession, Page } from '@playwright/test'
import { expect, open, test } from './fixtures'

/** The page's JS heap after a full collection (MB): what it holds on to, not where the GC sawtooth is. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 2 ** 20
}

async function runOnce(page: Page): Promise<void> {
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 20_000 })
}

test('200 runs in a row leak no worker and no memory', async ({ page }) => {
  test.setTimeout(300_000)
  // jobs that compute and then wait (the threads are used and reused), on a pattern that changes
  // every 25 runs (keys 4, 3, 2: pool, batches, unbounded), small enough to run 200 in a few minutes
  await open(page, 'v=2&p=pool&kind=mixed&n=12&d=4&pool=4&threads=2')
  const cdp = await page.context().newCDPSession(page)
  let baseline = NaN
  let workers = NaN
  for (let i = 0; i < 200; i++) {
    if (i % 25 === 0) await page.keyboard.press(['4', '3', '2'][(i / 25) % 3])
    await runOnce(page)
    if (i === 24) {
      baseline = await heapMb(cdp)
      workers = page.workers().length
    }
  }
  // the same workers as after the first 25 runs (one scheduler and T = 2 threads), no more
  expect(page.workers().length).toBe(workers)
  expect(workers).toBeLessThanOrEqual(3)
  const end = await heapMb(cdp)
  expect(end - baseline, `heap ${baseline.toFixed(1)} → ${end.toFixed(1)} MB`).toBeLessThan(5)
})
