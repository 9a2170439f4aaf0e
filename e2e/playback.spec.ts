import { crashWorker, expect, metric, open, runToEnd, setExact, test, timelineData } from './fixtures'

test('Stop ends an io run at once; the partial trace stays; Run works again', async ({ page }) => {
  await open(page, 'pattern=sequential&n=50&d=200')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(700)
  const t0 = Date.now()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
  expect(Date.now() - t0).toBeLessThan(1500)
  const bars = Number((await timelineData(page)).jobBars)
  expect(bars).toBeGreaterThan(0)
  expect(bars).toBeLessThan(50)
  await expect(page.locator('.tl-marks .exit.cancelled')).toHaveCount(1)
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
})

test('Stop in a cpu run frees the threads: the next cpu run starts at once', async ({ page }) => {
  await open(page, 'pattern=pool&kind=cpu&n=20&d=1000&pool=2&threads=2')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(400)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
  // same page, same workers: a thread still busy with the stopped 1,000 ms job would hold this run up
  await setExact(page, 'Items N', '4')
  await setExact(page, 'Duration d', '100')
  await runToEnd(page)
  expect(await metric(page, 'theory')).toBe(200)
  expect(await metric(page, 'makespan')).toBeLessThan(600)
})

test('Replay plays the recorded run slowly without re-running it; pause and scrub work', async ({ page }) => {
  await open(page, 'pattern=pool&n=40&d=50')
  await runToEnd(page)
  const full = Number((await timelineData(page)).bars)
  const version = (await timelineData(page)).version
  await page.getByTestId('speed').selectOption('0.1')
  await page.keyboard.press('r')
  await page.waitForTimeout(600)
  const clock1 = await page.getByTestId('clock').textContent()
  const mid = Number((await timelineData(page)).bars)
  expect(mid).toBeLessThan(full)
  await expect(page.locator('.mark[data-id="cursor"]')).toHaveCount(1)
  await page.keyboard.press('k') // pause
  await page.waitForTimeout(150) // let the next frame draw the paused time
  const paused = await page.getByTestId('clock').textContent()
  await page.waitForTimeout(400)
  expect(await page.getByTestId('clock').textContent()).toBe(paused)
  expect(clock1).not.toBe(paused)
  await page.getByTestId('scrub').fill(String(0))
  await expect.poll(async () => Number((await timelineData(page)).bars)).toBeLessThan(mid + 1)
  // nothing was re-run: the same recorded trace, and the run still done
  expect((await timelineData(page)).version).toBe(version)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done')
  await page.screenshot({ path: 'e2e/__screens__/replay.png' })
})

test('a replay\'s status line and cards show the moment its frames draw (jobs done by then, no makespan yet); its end shows the whole run again', async ({ page }) => {
  await open(page, 'pattern=pool&n=40&d=50&pool=4')
  await runToEnd(page)
  const makespan = await page.locator('[data-metric="makespan"] .card-value').textContent()
  await page.getByTestId('speed').selectOption('0.5')
  await page.keyboard.press('r')
  const samples = await page.evaluate(
    () =>
      new Promise<{ replay: string; at: string; cursor: string; count: string; card: string }[]>((done) => {
        const out: { replay: string; at: string; cursor: string; count: string; card: string }[] = []
        const status = document.querySelector('[data-testid="status"]') as HTMLElement
        const timeline = document.querySelector('[data-testid="timeline"]') as HTMLElement
        const t0 = performance.now()
        const tick = setInterval(() => {
          out.push({
            replay: status.dataset.replay ?? '',
            at: status.dataset.at ?? '',
            cursor: timeline.dataset.cursor ?? '',
            count: status.querySelector('.status-count')?.textContent ?? '',
            card: document.querySelector('[data-metric="makespan"] .card-value')?.textContent ?? '',
          })
          if (performance.now() - t0 > 500) {
            clearInterval(tick)
            done(out)
          }
        }, 7)
      }),
  )
  const playing = samples.filter((x) => x.replay === 'playing')
  expect(playing.length).toBeGreaterThan(30)
  // several moments, each the one the timeline drew, counted alike by the status line and the card
  expect(new Set(playing.map((x) => x.at)).size).toBeGreaterThanOrEqual(5)
  expect(playing.filter((x) => x.at !== x.cursor)).toEqual([])
  const counts = playing.map((x) => Number(/^ ?(\d+) \/ 40 jobs$/.exec(x.count)?.[1]))
  expect(counts.every(Number.isFinite)).toBe(true)
  expect(playing.filter((x) => x.card !== x.count.trim().replace(' / ', '/').replace(' jobs', ''))).toEqual([])
  // jobs done only grow with the replay, and not all of them are done half-way
  expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true)
  expect(counts[0]).toBeLessThan(40)
  await expect(page.getByTestId('status-live')).toHaveText(/^Replay: K pauses/)
  await page.keyboard.press('k')
  await expect(page.getByTestId('status')).toHaveAttribute('data-replay', 'paused')
  await expect(page.getByTestId('status-live')).toHaveText(/^Replay paused/)
  await page.keyboard.press('k')
  // the end of the replay is the whole run again: done, its makespan
  await expect(page.getByTestId('status')).not.toHaveAttribute('data-replay', /./, { timeout: 10_000 })
  await expect(page.getByTestId('status-live')).toHaveText(/^Done/)
  await expect(page.locator('[data-metric="makespan"] .card-value')).toHaveText(makespan ?? '')
})

test('Download trace gives Chrome Trace JSON with every job exactly once', async ({ page }) => {
  await open(page, 'pattern=pool&n=30&d=20&kind=mixed&threads=2')
  await runToEnd(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download trace/ }).click()])
  const path = await download.path()
  const fs = await import('node:fs/promises')
  const json = JSON.parse(await fs.readFile(path, 'utf8'))
  const jobs = json.traceEvents.filter((e: { cat?: string }) => e.cat === 'job')
  expect(jobs).toHaveLength(30)
  expect(new Set(jobs.map((e: { name: string }) => e.name)).size).toBe(30)
  expect(json.traceEvents.some((e: { cat?: string; pid: number }) => e.cat === 'cpu' && e.pid === 2)).toBe(true)
  expect(json.metadata.scenario.shared.n).toBe(30)
  expect(json.metadata.theoryMakespanMs).toBe(await metric(page, 'theory'))
  expect(json.metadata.measuredMakespanMs).toBeCloseTo(await metric(page, 'makespan'), 6)
})

test('a thread that dies fails the run with a clear message; the next run works', async ({ page, errors }) => {
  await open(page, 'pattern=pool&kind=cpu&n=12&d=150&pool=2&threads=2')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await crashWorker(page, /thread\.worker/, 0)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'failed')
  await expect(page.getByTestId('notice')).toContainText(/Thread \d stopped working/)
  expect(Number((await timelineData(page)).jobBars)).toBeGreaterThan(0) // the partial trace stays
  expect(await runToEnd(page)).toBe('done')
  // the worker's own report of its uncaught exception is expected here, nothing else
  const unexpected = errors.filter((e) => !e.includes('crash test'))
  errors.length = 0
  expect(unexpected).toEqual([])
})

test('presenter keys: Space after a mouse click on Run stops (no double toggle); H hides settings; ? shows help', async ({ page }) => {
  await open(page, 'pattern=sequential&n=50&d=100')
  await page.getByTestId('run').click() // the button keeps focus
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
  await page.waitForTimeout(300)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped') // and stays stopped
  await page.keyboard.press('h')
  await expect(page.getByRole('complementary', { name: 'Scenario settings' })).toHaveCount(0)
  await page.keyboard.press('h')
  await expect(page.getByRole('complementary', { name: 'Scenario settings' })).toBeVisible()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toContainText('Replay from the start')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toHaveCount(0)
})

test('a replay of a 10,000-job run that stops on a moment (paused, stepped) shows that moment\'s numbers; another view in its place shows the whole run', async ({ page }) => {
  await open(page, 'v=2&p=pool&n=10000&d=2&pool=100')
  await runToEnd(page)
  const makespan = await metric(page, 'makespan')
  /** the moment the status line's numbers are of, and the one the timeline draws */
  const moments = () =>
    page.evaluate(() => ({
      at: (document.querySelector('[data-testid="status"]') as HTMLElement).dataset.at ?? '',
      cursor: (document.querySelector('[data-testid="timeline"]') as HTMLElement | null)?.dataset.cursor ?? '',
    }))
  await page.getByTestId('speed').selectOption('0.1')
  await page.keyboard.press('r')
  await page.waitForTimeout(400)
  await page.keyboard.press('k')
  await expect(page.getByTestId('status')).toHaveAttribute('data-replay', 'paused')
  // a large run's numbers follow a playing replay 4 times a second; one that stops is caught up at once
  await expect.poll(async () => { const m = await moments(); return m.at !== '' && m.at === m.cursor }).toBe(true)
  await page.keyboard.press('.')
  await page.keyboard.press('.')
  await expect.poll(async () => { const m = await moments(); return m.at !== '' && m.at === m.cursor }).toBe(true)
  // the sweep takes the timeline's place: the numbers are the whole run's again
  await page.getByRole('button', { name: 'Sweep' }).click()
  await expect(page.getByTestId('status-live')).toHaveText(/^Done/)
  expect(await metric(page, 'makespan')).toBe(makespan)
})
