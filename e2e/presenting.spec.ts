import { readFile } from 'node:fs/promises'
import { expect, metric, open, runToEnd, test, timelineData } from './fixtures'
import { DECK } from '../src/store/deck'
import { REGISTRY } from '../src/patterns/registry'

test('a keyboard-only talk: clicker keys through every scene, each run, no console error', async ({ page }) => {
  test.setTimeout(180_000)
  await open(page)
  for (let i = 0; i < DECK.length; i++) {
    await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight') // clickers send either
    const scene = DECK[i]
    await expect(page.getByTestId('scene-count')).toHaveText(`${i + 1} / ${DECK.length}`)
    await expect(page.getByTestId('lesson')).toContainText(scene.title)
    // the last scene's run left the screen, and any message about it (the deadlock trap's) with it
    await expect(page.getByTestId('notice')).toHaveCount(0)
    // never blank: the ideal schedule's lanes are on screen before the run
    await expect.poll(async () => Number((await timelineData(page)).lanes)).toBeGreaterThan(0)
    await page.keyboard.press('Space')
    const continuous = REGISTRY.module(scene.pattern).continuous?.((scene.params ?? {}) as never) ?? false
    if (continuous) {
      await page.waitForTimeout(1_500)
      await page.keyboard.press('Space')
    }
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', /done|stopped|failed/, { timeout: 60_000 })
  }
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('scene-count')).toHaveText(`${DECK.length - 1} / ${DECK.length}`)
  await page.screenshot({ path: 'e2e/__screens__/deck-last.png' })
})

test('A on the opener runs its four patterns and stacks them on one time axis; pins survive a reload', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page, 'preset=opener-seq-unbounded-pool')
  await page.keyboard.press('a')
  await expect(page.getByTestId('compare-view')).toBeVisible({ timeout: 60_000 })
  const runs = page.locator('.compare-run')
  await expect(runs).toHaveCount(4)
  await expect(page.locator('.compare-label')).toContainText(['Sequential', 'Unbounded', 'Batches', 'Worker pool'])
  const ms = await runs.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.makespan)))
  expect(ms[0] / ms[1]).toBeGreaterThan(50) // sequential against unbounded: 5,000 vs 50 ms
  expect(ms[0] / ms[3]).toBeGreaterThan(8) // sequential against the pool: 5,000 vs 500 ms
  await expect(page.locator('.compare-vs').nth(1)).toContainText('× faster')
  // the scene's own run is the one left on screen, and the claims now have measurements
  await expect(page.getByTestId('claims')).toContainText('measured')
  await page.screenshot({ path: 'e2e/__screens__/compare.png' })
  await page.reload()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
  await page.keyboard.press('c')
  await expect(page.locator('.compare-run')).toHaveCount(4)
  await page.keyboard.press('r') // the four replay together
  await expect(page.locator('.compare-run .mark[data-id="cursor"]').first()).toBeVisible()
  // paused, the status line says so, and , . step through the moments of all four
  await page.keyboard.press('k')
  await expect(page.getByTestId('status')).toHaveAttribute('data-replay', 'paused')
  await expect(page.getByTestId('status-live')).toContainText('Replay paused')
  const position = page.getByLabel('Compare replay position')
  const paused = Number(await position.inputValue())
  await page.keyboard.press('.')
  await expect.poll(async () => Number(await position.inputValue())).toBeGreaterThan(paused)
  const stepped = Number(await position.inputValue())
  await page.keyboard.press('Shift+ArrowRight') // 5 % of the longest (5 s) further
  await expect.poll(async () => Number(await position.inputValue())).toBeGreaterThan(stepped + 240)
  const shifted = Number(await position.inputValue())
  await page.keyboard.press(',')
  await expect.poll(async () => Number(await position.inputValue())).toBeLessThan(shifted)
})

for (const [w, h] of [[1280, 720], [1024, 768]] as const) {
  test(`projector mode at ${w} × ${h}: no text under 18 px, lanes, ticks and numbers from 24 px, nothing scrolls`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h })
    await open(page, 'preset=pipeline-bottleneck')
    await runToEnd(page)
    await page.keyboard.press('p')
    await page.waitForTimeout(400)
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize)
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      }
      const texts = [...document.querySelectorAll('body *')].filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))
      const small = texts.filter((el) => px(el) < 17.9).map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''}: ${px(el)}px "${(el.textContent ?? '').trim().slice(0, 30)}"`)
      const min = (sel: string) => Math.min(...[...document.querySelectorAll(sel)].filter(visible).map(px))
      return {
        small,
        lanes: min('.tl-labels text'),
        ticks: min('.tl-axis .tick text'),
        values: min('.card-value'),
        scroll: [document.scrollingElement?.scrollHeight ?? 0, document.scrollingElement?.scrollWidth ?? 0, innerHeight, innerWidth],
      }
    })
    expect(sizes.small).toEqual([])
    expect(sizes.lanes).toBeGreaterThanOrEqual(24)
    expect(sizes.ticks).toBeGreaterThanOrEqual(24)
    expect(sizes.values).toBeGreaterThanOrEqual(24)
    expect(sizes.scroll[0]).toBeLessThanOrEqual(sizes.scroll[2])
    expect(sizes.scroll[1]).toBeLessThanOrEqual(sizes.scroll[3])
    // no card's number is cut short with "…"
    const cut = await page.locator('.card-value').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent))
    expect(cut).toEqual([])
    if (w / h > 4 / 3) {
      // on a wide screen the cards stand beside the timeline, which keeps the height for its 21 lanes (3 px each below it)
      const timeline = await page.getByTestId('timeline').boundingBox()
      const card = await page.locator('[data-metric="makespan"]').boundingBox()
      expect(card!.x).toBeGreaterThan(timeline!.x + timeline!.width)
      expect(Number((await timelineData(page)).pitch)).toBeGreaterThanOrEqual(5)
    }
    await page.screenshot({ path: `e2e/__screens__/projector-${w}.png` })
  })
}

test('projector mode: job labels on the bars are 18 px or more, or not drawn', async ({ page }) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  let drawn = 0
  for (const id of ['pipeline-early-exit-deadlock', DECK[DECK.length - 1].id, 'opener-tiny']) {
    await open(page, `preset=${id}`)
    if (!(await page.evaluate(() => document.documentElement.classList.contains('projector')))) await page.keyboard.press('p')
    await runToEnd(page)
    await page.waitForTimeout(300)
    const small = await page.locator('[data-testid="timeline"] .bar text').evaluateAll((els) =>
      els.filter((e) => (e.textContent ?? '').trim() !== '' && parseFloat(getComputedStyle(e).fontSize) < 17.9).map((e) => `${e.textContent} ${getComputedStyle(e).fontSize}`),
    )
    expect(small, id).toEqual([])
    drawn += await page.locator('[data-testid="timeline"] .bar text').evaluateAll((els) => els.filter((e) => (e.textContent ?? '').trim() !== '').length)
  }
  // the deadlock scene's lanes are tall enough for their labels
  expect(drawn).toBeGreaterThan(0)
})

test('F asks for full screen, B blanks the screen and Esc brings it back, ? shows the keys and Esc closes them', async ({ page }) => {
  await open(page)
  await page.keyboard.press('f')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true)
  await page.keyboard.press('f')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true)
  await page.keyboard.press('b')
  await expect(page.getByTestId('blank')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('blank')).toHaveCount(0)
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toContainText('Projector mode')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toHaveCount(0)
})

test('exports for slides: the ASCII fits 100 columns, the SVG parses, the PNG is twice the size', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await open(page, 'preset=opener-seq-unbounded-pool')
  await runToEnd(page)
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Copy as ASCII' }).click()
  await expect(page.getByTestId('notice')).toContainText('copied')
  const ascii = await page.evaluate(() => navigator.clipboard.readText())
  expect(ascii).toContain('█')
  expect(Math.max(...ascii.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100)
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Copy SVG' }).click()
  await expect(page.getByTestId('notice').last()).toContainText('The SVG copied')
  const svg = await page.evaluate(() => navigator.clipboard.readText())
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return { error: doc.querySelector('parsererror') !== null, rects: doc.querySelectorAll('rect').length, width: Number(doc.documentElement.getAttribute('width')) }
  }, svg)
  expect(parsed.error).toBe(false)
  expect(parsed.rects).toBeGreaterThan(100)
  await page.getByText('Export', { exact: true }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Save PNG' }).click()])
  const png = await readFile(await download.path())
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBe(parsed.width * 2) // IHDR width
})

test('when the clipboard is refused, the export shows its text in a dialog to copy by hand; Esc closes it', async ({ page }) => {
  await open(page, 'v=2&p=pool&n=10&d=10')
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'))
  })
  await runToEnd(page)
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('menuitem', { name: 'Copy as ASCII' }).click()
  const dialog = page.getByRole('dialog', { name: 'The ASCII timeline to copy' })
  await expect(dialog.getByRole('textbox')).toBeFocused()
  expect(await dialog.getByRole('textbox').inputValue()).toContain('█')
  // its 100 columns show whole, with no sideways scrolling, inside the dialog
  expect(await dialog.getByRole('textbox').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
  const box = await dialog.getByRole('textbox').boundingBox()
  const around = await dialog.boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(around!.x + around!.width)
  await page.screenshot({ path: 'e2e/__screens__/manual-copy.png' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})

test('a downloaded trace opens again as a recorded run: it replays and exports like a fresh one', async ({ page }) => {
  await open(page, 'preset=barrier-vs-dag')
  await runToEnd(page)
  const makespan = await metric(page, 'makespan')
  const bars = (await timelineData(page)).jobBars
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download trace/ }).click()])
  const path = await download.path()
  await open(page) // a fresh page with another scenario
  await page.getByTestId('open-trace').setInputFiles({ name: 'trace.json', mimeType: 'application/json', buffer: await readFile(path) })
  await expect(page.getByTestId('notice')).toContainText('Opened Barriers vs dependency graph')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done')
  expect(await metric(page, 'makespan')).toBeCloseTo(makespan, 6)
  expect((await timelineData(page)).jobBars).toBe(bars)
  expect(await metric(page, 'theory')).toBe(350)
  await page.keyboard.press('r')
  await expect(page.locator('.mark[data-id="cursor"]')).toHaveCount(1)
  // a file that is not a trace says so, and nothing else changes
  await page.getByTestId('open-trace').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') })
  await expect(page.getByTestId('notice').last()).toContainText('could not be opened')
  // the replay goes on to its end, where the cards show the whole run again
  await expect(page.getByTestId('status')).not.toHaveAttribute('data-replay', /./, { timeout: 10_000 })
  expect(await metric(page, 'makespan')).toBeCloseTo(makespan, 6)
  // a file whose ideal schedule cannot be read gets it computed again, as its notice says
  const file = JSON.parse(await readFile(path, 'utf8'))
  file.metadata.goConcurrency.theory = { format: 'nope' }
  await page.getByTestId('open-trace').setInputFiles({ name: 'no-theory.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await expect(page.getByTestId('notice').last()).toContainText('it will be computed again')
  await expect.poll(() => metric(page, 'theory')).toBe(350)

  // a file whose times were shifted by years (epoch ms) is drawn on an axis of days whose labels do
  // not touch, with the replay clock and the cards still readable
  const bytes = Buffer.from(file.metadata.goConcurrency.trace.events, 'base64')
  const events = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  for (let i = 1; i < events.length; i += 6) events[i] += 5e11
  file.metadata.goConcurrency.trace.events = Buffer.from(events.buffer).toString('base64')
  await page.getByTestId('open-trace').setInputFiles({ name: 'shifted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await expect(page.locator('[data-metric="makespan"] .card-value')).toContainText(' d ')
  const tickTexts = page.locator('[data-testid="timeline"] .tick text')
  // the axis is drawn in the next frame
  await expect.poll(async () => (await tickTexts.allTextContents()).every((t) => t.endsWith(' d'))).toBe(true)
  const ticks = await tickTexts.evaluateAll((els) => els.map((e) => [e.textContent ?? '', e.getBoundingClientRect().left, e.getBoundingClientRect().right] as const))
  expect(ticks.length).toBeGreaterThanOrEqual(2)
  for (let i = 1; i < ticks.length; i++) expect(ticks[i][1], `${ticks[i - 1][0]} | ${ticks[i][0]}`).toBeGreaterThan(ticks[i - 1][2])
  const clock = page.getByTestId('clock')
  await expect(clock).toContainText(' d ')
  expect(await clock.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
  await expect(page.locator('[data-metric="ratio"] .card-value')).toHaveText(/^\d\.\de\d+×$/)
})

test('the Go code follows the replay; hovering a bar marks its line; picking a line marks the bars spent on it', async ({ page }) => {
  await open(page, 'preset=bursty-buffer-backpressure&n=20')
  await runToEnd(page)
  await page.keyboard.press('g')
  await expect(page.getByTestId('code-panel')).toBeVisible()
  // back to a moment after the producer's first blocked send (item 1 is a 100 ms hiccup)
  await page.getByTestId('scrub').fill('200')
  await expect(page.locator('.code-line.busy')).not.toHaveCount(0)
  const send = page.locator('.code-line', { hasText: 'events <- i' })
  await expect(send).toHaveCount(1)
  await send.locator('button').click()
  await expect(page.locator('.tl-bars g.bar[data-emphasized="1"]').first()).toBeVisible()
  const bar = page.locator('.tl-bars g.bar[data-state="3"] rect').first() // blocked on send
  await bar.hover()
  await expect(page.locator('.code-line.hover')).toContainText('events <- i')
  await page.screenshot({ path: 'e2e/__screens__/code-panel.png' })
})

test.describe('a part that loads on demand and cannot', () => {
  // no service worker: it would answer from its cache, and the failure is what this test is about
  test.use({ serviceWorkers: 'block' })

  test('says so in its place, and the rest of the page goes on working', async ({ page, errors }) => {
    await page.route(/\/assets\/go-[^/]*\.js$/, (route) => route.abort())
    await open(page, 'v=2&p=pool&n=20&d=10')
    await page.keyboard.press('g')
    await expect(page.getByTestId('load-failed')).toContainText('Could not show the code panel')
    await expect(page.getByTestId('code-panel')).toHaveCount(0)
    expect(await runToEnd(page)).toBe('done')
    expect(Number((await timelineData(page)).lanes)).toBeGreaterThan(0)
    // expected here: the aborted request, and the failed import as React reports the error it caught
    const unexpected = errors.filter((e) => !/^Failed to load resource: net::ERR_FAILED$|^TypeError: Failed to fetch dynamically imported module: .*\/assets\/go-/.test(e))
    errors.splice(0, errors.length, ...unexpected)
  })
})

test('a sweep draws the theory’s curve over a range and measures a few points for real', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page, 'v=2&p=pool&n=40&d=10&pool=4')
  await page.getByTestId('sweep').click()
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-points', /^(1[0-9]|[2-9][0-9])$/)
  await page.getByTestId('sweep-measure').click()
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('data-measured', '8', { timeout: 60_000 })
  await page.screenshot({ path: 'e2e/__screens__/sweep.png' })
})

test('stepping the replay by event stops at every moment something happens, the barriers among them, up to the end; back steps return to the same stops; Shift+arrows step by time', async ({ page }) => {
  await open(page, 'preset=barrier-vs-dag')
  await runToEnd(page)
  const end = await metric(page, 'makespan')
  await page.getByTestId('scrub').fill('0')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()) // a focused slider keeps its own arrow keys
  /** the moment the timeline draws (scenario ms) */
  const cursor = async () => Number((await timelineData(page)).cursor)
  await expect.poll(cursor).toBe(0)
  const stops: number[] = []
  for (let i = 0; i < 200 && (stops.length === 0 || stops[stops.length - 1] < end - 1e-6); i++) {
    const before = stops.length ? stops[stops.length - 1] : 0
    await page.keyboard.press('.')
    await expect.poll(cursor).not.toBe(before)
    stops.push(await cursor())
  }
  // every job's begin and end, not only the handoffs: the stops in order, the last the run's end
  // (in theory 0, 100, 120, 150, 330 and 350 ms: the phases' jobs end at a few moments)
  expect(stops.length).toBeGreaterThanOrEqual(5)
  expect(stops.every((t, i) => i === 0 || t > stops[i - 1])).toBe(true)
  expect(Math.abs(stops[stops.length - 1] - end)).toBeLessThan(1)
  // the two phase barriers (150 ms and 350 ms in theory, a little later when measured) are stops
  expect(stops.some((t) => t >= 150 && t < 250)).toBe(true)
  expect(stops.some((t) => t >= 350)).toBe(true)
  await page.keyboard.press(',')
  await expect.poll(cursor).toBe(stops[stops.length - 2])
  await page.keyboard.press(',')
  await expect.poll(cursor).toBe(stops[stops.length - 3])
  const at = await cursor()
  await page.keyboard.press('Shift+ArrowRight') // 5 % of the run later (or its end)
  await expect.poll(cursor).toBeGreaterThan(at)
  expect(Math.abs((await cursor()) - Math.min(end, at + 0.05 * end))).toBeLessThanOrEqual(1)
})
