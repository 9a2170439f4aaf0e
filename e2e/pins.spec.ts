import { expect, open, runToEnd, test } from './fixtures'

test('runs pinned in two tabs are all kept: each tab shows the other\'s pins at once, an unpin in one goes from both, and a reload shows the merged list', async ({ page, context }) => {
  test.setTimeout(60_000)
  const other = await context.newPage()
  const otherErrors: string[] = []
  other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()))
  other.on('pageerror', (e) => otherErrors.push(e.message))
  await open(page, 'pattern=pool&n=12&d=10&pool=4')
  await open(other, 'pattern=unbounded&n=12&d=10')
  const labels = (p: typeof page) => p.locator('.compare-label')

  // each tab pins its own run; neither overwrites the other's
  await runToEnd(page)
  await page.keyboard.press('n')
  await runToEnd(other)
  await other.keyboard.press('n')
  for (const p of [page, other]) {
    await p.keyboard.press('c')
    await expect(labels(p)).toHaveCount(2)
    await expect(labels(p).first()).toContainText('Worker pool')
    await expect(labels(p).last()).toContainText('Unbounded')
  }

  // an unpin in one tab goes from the other too
  await other.getByRole('button', { name: /^Unpin Worker pool/ }).click()
  await expect(labels(page)).toHaveCount(1)
  await expect(labels(page)).toContainText('Unbounded')

  // what both tabs show is what is stored
  await page.reload()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
  await page.keyboard.press('c')
  await expect(labels(page)).toHaveCount(1)
  await expect(labels(page)).toContainText('Unbounded')
  expect(otherErrors).toEqual([])
})

test('when the browser refuses to store pins, the page says so once and keeps them for the session', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await open(page, 'pattern=pool&n=12&d=10&pool=4')
  await runToEnd(page)
  await page.keyboard.press('n')
  await expect(page.getByTestId('notice')).toContainText('Pinned runs could not be stored')
  await page.keyboard.press('2')
  await runToEnd(page)
  await page.keyboard.press('n')
  await page.keyboard.press('c')
  await expect(page.locator('.compare-label')).toHaveCount(2)
  await expect(page.getByTestId('notice')).toHaveCount(1)
})

test('pinning the same run twice keeps one pin and says so', async ({ page }) => {
  await open(page, 'pattern=pool&n=12&d=10&pool=4')
  await runToEnd(page)
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  await expect(page.getByTestId('notice').last()).toContainText('pinned already')
  await page.keyboard.press('c')
  await expect(page.locator('.compare-label')).toHaveCount(1)
})
