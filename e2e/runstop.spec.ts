import type { Page, Route } from '@playwright/test'
import { crashWorker, expect, metric, open, runToEnd, test, timelineData } from './fixtures'

/** Records every status the page shows from now on (window.statuses), to see what happened between two checks. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="status"]') as HTMLElement
    const w = window as unknown as { statuses: string[] }
    w.statuses = [el.dataset.status ?? '']
    new MutationObserver(() => {
      const s = el.dataset.status ?? ''
      if (w.statuses[w.statuses.length - 1] !== s) w.statuses.push(s)
    }).observe(el, { attributes: true, attributeFilter: ['data-status'] })
  })
}

const statuses = (page: Page) => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)
const status = (page: Page) => page.getByTestId('status')

// 50 io jobs of 100 ms one after another: a 5 s run, long enough to stop anywhere
const LONG = 'v=2&p=sequential&n=50&d=100'

test('a double click on Stop stops the run and does not start another', async ({ page }) => {
  await open(page, LONG)
  await page.getByTestId('run').click()
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(500)
  await recordStatuses(page)
  await page.getByTestId('run').dblclick()
  await expect(status(page)).toHaveAttribute('data-status', 'stopped')
  await page.waitForTimeout(800)
  expect((await statuses(page)).filter((s) => s !== 'stopping')).toEqual(['running', 'stopped'])
  // the stopped run's partial trace stays on screen
  const bars = Number((await timelineData(page)).jobBars)
  expect(bars).toBeGreaterThan(0)
  expect(bars).toBeLessThan(50)
})

test('Stop within the first 50 ms of a run ends it; the next run works', async ({ page }) => {
  await open(page, LONG)
  await page.getByTestId('run').click()
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveAttribute('data-status', 'stopped')
  await page.waitForTimeout(600)
  await expect(status(page)).toHaveAttribute('data-status', 'stopped')
  await open(page, 'v=2&p=pool&n=20&d=20&pool=5')
  expect(await runToEnd(page)).toBe('done')
  expect(Number((await timelineData(page)).jobBars)).toBe(20)
})

test('a Run pressed right after Stop starts a new run (never lost)', async ({ page }) => {
  await open(page, LONG)
  await page.getByTestId('run').click()
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(400)
  await recordStatuses(page)
  // Stop and Run in the same moment: Esc, then a single click on the button
  await page.keyboard.press('Escape')
  await page.getByTestId('run').click()
  await expect.poll(async () => (await statuses(page)).filter((s) => s !== 'stopping')).toEqual(['running', 'stopped', 'starting', 'running'])
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveAttribute('data-status', 'stopped')
  // and a Run pressed after the stop has settled starts one too
  expect(await runToEnd(page, 30_000)).toBe('done')
})

test('switching pattern mid-run stops the run and shows the new pattern; the next Space runs it', async ({ page }) => {
  await open(page, LONG)
  await page.keyboard.press('Space')
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(300)
  await page.keyboard.press('3')
  await expect(page.getByRole('radio', { name: /Batches/ })).toHaveAttribute('aria-checked', 'true')
  // the sequential run has left the screen: the status is ready and the lanes are the batches' ideal schedule
  await expect(status(page)).toHaveAttribute('data-status', 'ready')
  await expect.poll(async () => Number((await timelineData(page)).jobBars)).toBe(0)
  // one press runs the batches (it does not stop the abandoned run)
  await page.keyboard.press('Space')
  await expect(status(page)).toHaveAttribute('data-status', /starting|running/)
  await expect(status(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  expect(page.url()).toContain('p=batches')
})

test('Space held down toggles once: auto-repeat neither stops nor restarts the run', async ({ page }) => {
  await open(page, LONG)
  await recordStatuses(page)
  await page.keyboard.down(' ')
  await page.keyboard.down(' ') // auto-repeat
  await page.keyboard.down(' ')
  await page.keyboard.up(' ')
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(300)
  expect((await statuses(page)).filter((s) => s !== 'starting')).toEqual(['ready', 'running'])
  await page.keyboard.press('Escape')
  await expect(status(page)).toHaveAttribute('data-status', 'stopped')
})

test('a scheduler worker that dies fails the run with a clear message; a new one runs the next', async ({ page, errors }) => {
  await open(page, 'v=2&p=pool&kind=cpu&n=12&d=150&pool=2&threads=2')
  await page.getByTestId('run').click()
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await crashWorker(page, /scheduler\.worker/)
  await expect(status(page)).toHaveAttribute('data-status', 'failed')
  await expect(page.getByTestId('notice').first()).toContainText('scheduler worker stopped working')
  expect(await runToEnd(page)).toBe('done')
  expect(Number((await timelineData(page)).jobBars)).toBeGreaterThanOrEqual(12) // a cpu job is a bar while runnable and one while running
  // the worker's own report of its uncaught exception is expected here, nothing else
  const unexpected = errors.filter((e) => !e.includes('crash test'))
  errors.length = 0
  expect(unexpected).toEqual([])
})

test('a failed run\'s message stays while that run is on screen and goes when the next run starts', async ({ page }) => {
  await open(page, 'preset=pipeline-early-exit-deadlock')
  expect(await runToEnd(page)).toBe('failed')
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('all goroutines are asleep - deadlock!')
  // another pattern: the failed run stays on screen (marked stale), and so does what went wrong
  await page.keyboard.press('4')
  await expect(notice).toHaveCount(1)
  expect(await runToEnd(page)).toBe('done')
  await expect(notice).toHaveCount(0)
  await expect(page.getByTestId('status-live')).toContainText('Done')
})

test.describe('workers whose script does not load', () => {
  // the page's requests go to the network, where the test can fail them (not to the service worker)
  test.use({ serviceWorkers: 'block' })
  const failing = (route: Route) => route.fulfill({ status: 500, body: 'unavailable' })

  for (const [who, script, says] of [
    ['a thread', /thread\.worker/, 'Thread 0 stopped working (it failed to load or crashed)'],
    ['the scheduler', /scheduler\.worker/, 'The scheduler worker stopped working (it failed to load or crashed)'],
  ] as const) {
    test(`${who}: the page says so once, a Run fails at once instead of waiting forever, and the run after the script loads again works`, async ({ page }) => {
      await page.route(script, failing)
      await open(page, 'v=2&p=pool&kind=cpu&n=6&d=40&pool=2&threads=2')
      await expect(page.getByTestId('notice')).toContainText(says)
      expect(await runToEnd(page, 10_000)).toBe('failed')
      // one notice: the run's failure points to it ("see the message above")
      await expect(page.getByTestId('notice')).toHaveCount(1)
      await expect(page.getByTestId('status-live')).toContainText('The run failed')
      await page.unroute(script, failing)
      expect(await runToEnd(page)).toBe('done')
      expect(await metric(page, 'ratio')).toBeGreaterThan(0.9)
    })
  }
})

// Playwright's pages are always visible, so the hidden tab is the harshest form of it: Chrome
// freezes a background tab (no tasks at all on the page, while its workers go on). The run ends in
// the scheduler worker meanwhile; its batches wait and are applied when the page resumes.
test('a run in a frozen background tab completes, and the page shows it whole when it resumes', async ({ page }) => {
  await open(page, 'v=2&p=pool&n=60&d=50&pool=4')
  const cdp = await page.context().newCDPSession(page)
  await page.getByTestId('run').click()
  await expect(status(page)).toHaveAttribute('data-status', 'running')
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' })
  await new Promise((resolve) => setTimeout(resolve, 1500)) // the run (750 ms in theory) ends while frozen
  await cdp.send('Page.setWebLifecycleState', { state: 'active' })
  await expect(status(page)).toHaveAttribute('data-status', 'done')
  await expect.poll(async () => Number((await timelineData(page)).jobBars)).toBe(60)
  expect(await metric(page, 'makespan')).toBeGreaterThan(700)
  expect(await runToEnd(page)).toBe('done')
  expect(await metric(page, 'ratio')).toBeLessThan(1.3)
})
