import { expect, metric, open, queryOf, runToEnd, setExact, test, timelineData } from './fixtures'

test('a setting change updates the URL and the next run', async ({ page }) => {
  await open(page)
  await runToEnd(page)
  await setExact(page, 'Pool size P', '5')
  await expect.poll(() => queryOf(page).get('pool')).toBe('5')
  await expect(page.getByTestId('stale')).toBeVisible()
  await runToEnd(page)
  expect((await timelineData(page)).lanes).toBe('7')
  expect(await metric(page, 'theory')).toBe(1000)
  await page.keyboard.press('3') // key 3 = batches
  await expect.poll(() => queryOf(page).get('p')).toBe('batches')
})

test('an out-of-range entry is clamped with a notice, and nothing else changes', async ({ page }) => {
  await open(page)
  await setExact(page, 'Items N', '50000')
  await expect(page.getByTestId('notice')).toContainText('above the maximum, used 10,000')
  await expect.poll(() => queryOf(page).get('n')).toBe('10000')
  await expect(page.getByTestId('value-d')).toContainText('50') // unchanged (and, being the default, not in the link)
  expect(queryOf(page).get('d')).toBeNull()
})

test('a copied link opens the same scenario in a new browser context', async ({ page, browser }) => {
  await open(page, 'pattern=batches&n=37&d=120&variation=everyk&every=5&slow=300&kind=mixed&cpuShare=30&batch=6&threads=2&timeScale=0.5&seed=42')
  const link = page.url()
  const other = await browser.newContext()
  const page2 = await other.newPage()
  await page2.goto(link)
  await expect(page2.getByRole('radio', { name: /Batches/ })).toHaveAttribute('aria-checked', 'true')
  for (const [k, v] of [['n', '37'], ['d', '120'], ['every', '5'], ['slow', '300'], ['cpuShare', '30'], ['batch', '6'], ['seed', '42']]) {
    await expect(page2.getByTestId(`value-${k}`)).toContainText(v)
  }
  await expect(page2.getByTestId('choice-variation')).toHaveValue('everyk')
  await expect(page2.getByTestId('choice-kind')).toHaveValue('mixed')
  expect(page2.url()).toBe(link)
  await expect(page2.getByTestId('notice')).toHaveCount(0)
  await other.close()
})

test('a garbage link opens with the nearest valid values and a notice that says what changed', async ({ page }) => {
  await page.goto('/?v=7&pattern=warp&n=-5&d=abc&pool=99999&buffer=2.5&kind=&bogus=1&threads=auto')
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('could not be used as given')
  await expect(notice).toContainText('pattern: "warp" is not a known pattern')
  await expect(notice).toContainText('Items N: -5 is below the minimum, used 1')
  await expect(notice).toContainText('Duration d: "abc" is not a decimal number, kept 50.')
  await expect(notice).toContainText('Unknown setting "bogus" ignored')
  await expect(notice).toContainText('Link version "7" is not known: read it as version 1')
  const q = new URL(page.url()).searchParams
  expect(q.get('n')).toBe('1')
  expect(q.get('pool')).toBe('256')
  expect(q.get('buffer')).toBe('3')
  expect(q.get('v')).toBe('2')
  expect(await runToEnd(page)).toBe('done') // the app works afterwards
})

test('dragging a slider ends with its value in the URL and on screen', async ({ page }) => {
  await open(page)
  const slider = page.locator('[data-param="d"] input[type="range"]')
  const box = await slider.boundingBox()
  if (!box) throw new Error('no slider')
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + 4, y)
  await page.mouse.down()
  for (let i = 0; i <= 80; i++) await page.mouse.move(box.x + 4 + (i * (box.width - 8)) / 80, y)
  await page.mouse.up()
  await expect.poll(() => queryOf(page).get('d')).toBe('5000')
  await expect(page.getByTestId('value-d')).toContainText('5,000')
})

test('an extreme scenario warns how long it will take, and Stop still ends it at once', async ({ page }) => {
  await open(page, 'pattern=sequential&n=10000&d=5000')
  await expect(page.getByTestId('long-run')).toContainText('13 h 53 m')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'running')
  await page.waitForTimeout(300)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-job-bars', '1')
})

test('a preset from the talk opens its scenario with a short link; the next pattern key keeps its workload', async ({ page }) => {
  await open(page)
  await page.getByRole('combobox', { name: 'Presets from the talk' }).selectOption('batch-vs-pool-stragglers')
  await expect.poll(() => queryOf(page).get('preset')).toBe('batch-vs-pool-stragglers')
  await expect.poll(() => metric(page, 'theory')).toBe(950)
  await expect(page.getByTestId('lesson')).toContainText('One straggler')
  await page.keyboard.press('4') // the same workload on a worker pool
  await expect.poll(() => metric(page, 'theory')).toBe(550)
  await expect.poll(() => queryOf(page).get('p')).toBe('pool')
  expect(queryOf(page).get('variation')).toBe('straggler')
})
