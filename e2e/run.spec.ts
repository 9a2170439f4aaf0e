import type { Page } from '@playwright/test'
import { expect, metric, open, runToEnd, setExact, test, timelineData } from './fixtures'

/** Records the longest main-thread task from now on (window.longest). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longest: number }
    w.longest = 0
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask' })
  })
}
const longest = (page: Page) => page.evaluate(() => (window as unknown as { longest: number }).longest)

test('the default scenario is the opener: 100 × 50 ms io, worker pool of 10, drawn before any run', async ({ page }) => {
  await open(page)
  await expect(page.getByRole('radio', { name: /Worker pool/ })).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('value-n')).toContainText('100')
  await expect(page.getByTestId('value-d')).toContainText('50')
  await expect(page.getByTestId('value-pool')).toContainText('10')
  await expect.poll(() => metric(page, 'theory')).toBe(500)
  const tl = await timelineData(page)
  expect(tl.lanes).toBe('12') // main, producer, 10 workers
  await expect(page.locator('.tl-ghosts rect')).toHaveCount(100)
})

test('a default run: one lane per goroutine, one bar per job, measured close to theory', async ({ page }) => {
  await open(page)
  expect(await runToEnd(page)).toBe('done')
  const tl = await timelineData(page)
  expect(tl.mode).toBe('svg')
  expect(tl.lanes).toBe('12')
  expect(tl.jobBars).toBe('100')
  await expect(page.locator('.tl-bars g.bar[data-job="99"]')).toHaveCount(1)
  const ratio = await metric(page, 'ratio')
  expect(ratio).toBeGreaterThan(0.97)
  expect(ratio).toBeLessThan(1.3) // the benchmark holds the tight bound; CI machines vary
  expect(await metric(page, 'goroutines')).toBe(12)
  expect(await metric(page, 'concurrency')).toBe(10)
  expect(await metric(page, 'theory')).toBe(500)
  await expect(page.getByTestId('strip-jobs')).toHaveAttribute('data-peak', '10')
  await page.screenshot({ path: 'e2e/__screens__/default-run.png' })
})

test('batches draw a barrier per batch; sequential uses one lane', async ({ page }) => {
  await open(page, 'pattern=batches&n=20&d=20&batch=4')
  await runToEnd(page)
  await expect(page.locator('.barrier[data-kind="measured"]')).toHaveCount(5)
  expect((await timelineData(page)).lanes).toBe('21')
  await open(page, 'pattern=sequential&n=10&d=10')
  await runToEnd(page)
  expect((await timelineData(page)).lanes).toBe('1')
  expect(await metric(page, 'ratio')).toBeLessThan(1.3)
  await page.screenshot({ path: 'e2e/__screens__/sequential.png' })
})

test('cpu jobs are bounded by the threads: pool 8 on T = 2 is no faster than pool 2', async ({ page }) => {
  // Same page, same calibrated work per job; the better of two runs each, so that the first run's
  // cold start (JIT, first drawing) does not decide the comparison.
  const best = async () => {
    const m: number[] = []
    for (let i = 0; i < 2; i++) {
      await runToEnd(page)
      m.push(await metric(page, 'makespan'))
    }
    return Math.min(...m)
  }
  await open(page, 'pattern=pool&kind=cpu&n=8&d=100&pool=2&threads=2')
  const pool2 = await best()
  await setExact(page, 'Pool size P', '8')
  const pool8 = await best()
  expect(pool8 / pool2).toBeGreaterThan(0.85)
  await expect(page.locator('.tl-bars g.bar[data-state="1"]').first()).toBeVisible() // runnable: waiting for a thread
  await page.screenshot({ path: 'e2e/__screens__/cpu-pool8.png' })
})

test('10,000 io jobs of 1–5 ms on a pool of 64 complete and are drawn on canvas', async ({ page }) => {
  await watchLongTasks(page)
  await open(page, 'pattern=pool&n=10000&d=3&variation=uniform&jitter=66&pool=64&buffer=100')
  await page.waitForTimeout(500)
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0))
  expect(await runToEnd(page, 60_000)).toBe('done')
  // the benchmark holds the 100 ms target; here only a bound that a busy 2-core CI machine keeps
  expect(await longest(page)).toBeLessThan(250)
  const tl = await timelineData(page)
  expect(tl.mode).toBe('canvas')
  expect(tl.jobBars).toBe('10000')
  expect(await metric(page, 'goroutines')).toBe(66)
  await page.screenshot({ path: 'e2e/__screens__/pool-10k.png' })
})


test('3,000 batches of one: every barrier is drawn on the canvas, not as an SVG node, and the page keeps answering', async ({ page }) => {
  test.setTimeout(120_000)
  await watchLongTasks(page)
  await open(page, 'v=2&p=batches&n=3000&d=1&batch=1')
  await page.waitForTimeout(500)
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0))
  expect(await runToEnd(page, 90_000)).toBe('done')
  const tl = await timelineData(page)
  expect(tl.mode).toBe('canvas')
  expect(tl.jobBars).toBe('3000')
  // 3,000 barriers and 3,000 goroutines, and the timeline's DOM is still a few hundred nodes
  expect(await page.getByTestId('timeline').locator('*').count()).toBeLessThan(600)
  // the benchmark holds 50 ms; here a bound that a busy 2-core CI machine keeps
  expect(await longest(page)).toBeLessThan(400)
})

test('10,000 cpu jobs of 1 ms on every core: the run completes, drawn on canvas, and the page keeps answering', async ({ page }) => {
  test.setTimeout(120_000)
  await watchLongTasks(page)
  await open(page, 'v=2&p=pool&kind=cpu&n=10000&d=1&pool=10')
  await page.waitForTimeout(500)
  await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0))
  await page.getByTestId('run').click()
  // a click on the page while every core computes is answered (Playwright waits for it to land)
  await page.waitForTimeout(1000)
  const t0 = Date.now()
  await page.locator('.legend').first().click({ position: { x: 4, y: 4 } })
  expect(Date.now() - t0).toBeLessThan(1000)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 })
  const tl = await timelineData(page)
  expect(tl.mode).toBe('canvas')
  // each job is drawn as its wait for a thread, its computation and its wake-up
  expect(Number(tl.jobBars)).toBeGreaterThanOrEqual(10000)
  expect(await longest(page)).toBeLessThan(400)
})

/**
 * Samples the page between tasks for `span` ms of a live run: its status, which state of the trace the
 * status line's numbers were computed from, which the timeline drew, and the metric cards shown.
 */
function sampleLive(page: Page, span: number): Promise<{ status: string; numbers: string; drawn: string; cards: string }[]> {
  return page.evaluate(
    (forMs) =>
      new Promise((done) => {
        const out: { status: string; numbers: string; drawn: string; cards: string }[] = []
        const status = document.querySelector('[data-testid="status"]') as HTMLElement
        const timeline = document.querySelector('[data-testid="timeline"]') as HTMLElement
        const t0 = performance.now()
        const tick = setInterval(() => {
          const cards = [...document.querySelectorAll<HTMLElement>('.metrics .card')].map((c) => c.dataset.metric).join(' ')
          out.push({ status: status.dataset.status ?? '', numbers: status.dataset.version ?? '', drawn: timeline.dataset.version ?? '', cards })
          if (performance.now() - t0 > forMs) {
            clearInterval(tick)
            done(out)
          }
        }, 7)
      }),
    span,
  )
}

test('while cpu jobs hold every core (live view at 3 fps), the live numbers and the timeline show the same moment of the run, and no card comes or goes', async ({ page }) => {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  await open(page, `v=2&p=pool&kind=cpu&n=${8 * cores}&d=200&pool=${cores}&threads=${cores}`)
  // the ideal schedule says which cards the run will have
  await expect.poll(() => metric(page, 'theory')).toBeGreaterThan(0)
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  const live = (await sampleLive(page, 1500)).filter((x) => x.status === 'running')
  expect(live.length).toBeGreaterThan(40)
  // the run moved on while sampled (the numbers were refreshed several times)...
  expect(new Set(live.map((x) => x.numbers)).size).toBeGreaterThanOrEqual(3)
  // ...and every refresh landed in the frame that drew the same state
  expect(live.filter((x) => x.numbers !== x.drawn)).toEqual([])
  // the cards of a cpu run are there from its first frame (dispatch overhead before any job has
  // begun): none appears mid-run and moves the others
  const cards = [...new Set(live.map((x) => x.cards))]
  expect(cards).toHaveLength(1)
  expect(cards[0].split(' ')).toContain('overhead')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  expect(await page.locator('.metrics .card').evaluateAll((els) => els.map((c) => (c as HTMLElement).dataset.metric).join(' '))).toBe(cards[0])
})

test('an io run drawn at 60 fps: its live numbers show the moment every frame draws, from the first one (no "0 goroutines" beside drawn lanes)', async ({ page }) => {
  await open(page, 'v=2&p=pool&kind=io&n=100&d=50&pool=10')
  await page.getByTestId('run').click()
  const samples = await sampleLive(page, 1000)
  const live = samples.filter((x) => x.status === 'running' && x.drawn !== '-1')
  expect(live.length).toBeGreaterThan(20)
  expect(new Set(live.map((x) => x.numbers)).size).toBeGreaterThanOrEqual(5)
  expect(live.filter((x) => x.numbers !== x.drawn)).toEqual([])
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
})

test('a hundred lanes on a projector: every job bar is at least 2 px thick and the theory outline over it thinner, so the straggler shows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await open(page, 'v=2&preset=batch-vs-pool-stragglers')
  expect(await runToEnd(page)).toBe('done')
  const tl = await timelineData(page)
  expect(Number(tl.lanes)).toBeGreaterThan(100)
  const bars = await page.locator('.tl-bars rect').evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))))
  expect(bars.length).toBeGreaterThanOrEqual(100)
  expect(Math.min(...bars)).toBeGreaterThanOrEqual(2)
  const outline = await page.locator('.tl-ghosts rect').first().getAttribute('stroke-width')
  expect(Number(outline)).toBeLessThan(1)
  // the straggler (item 1) is a bar of ten times the others' length
  const widths = await page.locator('.tl-bars g.bar[data-job] rect').evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))))
  expect(Math.max(...widths)).toBeGreaterThan(8 * Math.min(...widths.filter((w) => w > 1)))
})
