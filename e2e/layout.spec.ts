import type { Locator, Page } from '@playwright/test'
import { cutOff, READABLE, WHOLE } from './cutoff'
import { expect, open, runToEnd, test } from './fixtures'

/** From a phone held upright to a full HD projector. */
const SIZES = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 720],
  [1920, 1080],
] as const

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.scrollingElement?.scrollWidth ?? 0, innerWidth }))
}

/**
 * Scrolls the element into view and checks it is whole in the window. Within 1 px: layout
 * positions are fractional and scroll offsets whole pixels, so a card can end 0.8 px past an edge.
 */
async function expectReachable(el: Locator): Promise<void> {
  const box = await el.evaluate((e) => {
    e.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const r = e.getBoundingClientRect()
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight }
  })
  expect(box.left).toBeGreaterThanOrEqual(-1)
  expect(box.top).toBeGreaterThanOrEqual(-1)
  expect(box.right).toBeLessThanOrEqual(box.width + 1)
  expect(box.bottom).toBeLessThanOrEqual(box.height + 1)
}

/** No sideways scroll of the page, and every control, card and readable text whole. */
async function expectWhole(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page)
  expect(scrollWidth, `page wider than the window ${where}`).toBeLessThanOrEqual(innerWidth)
  expect(await cutOff(page, WHOLE, READABLE), `cut off ${where}`).toEqual([])
}

for (const [w, h] of SIZES) {
  test.describe(`at ${w} × ${h}`, () => {
    test.use({ viewport: { width: w, height: h } })

    test('no horizontal scroll and nothing cut off: on load, after a run, with the table and with the Go code', async ({ page }) => {
      test.setTimeout(90_000)
      await open(page, 'preset=opener-seq-unbounded-pool')
      await expect.poll(async () => Number(await page.getByTestId('timeline').getAttribute('data-lanes'))).toBeGreaterThan(0)
      await expectWhole(page, 'on load')
      await runToEnd(page)
      await expectWhole(page, 'after a run')
      await page.getByTestId('table-toggle').click()
      await expect(page.getByTestId('lane-table')).toBeVisible()
      await expectWhole(page, 'with the table open')
      await page.getByTestId('code').click()
      await expect(page.getByTestId('code-panel')).toBeVisible()
      await expectWhole(page, 'with the table and the Go code open')
      // the Go code wraps its long lines rather than scroll sideways beside the timeline; the table
      // may scroll its columns, with each goroutine's name kept in view
      expect(await page.locator('ol.code').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1)
      const table = page.getByTestId('lane-table')
      const nameLeft = () => table.locator('tbody th').first().evaluate((e) => Math.round(e.getBoundingClientRect().left))
      const before = await nameLeft()
      const scrolled = await table.evaluate((e) => {
        e.scrollLeft = e.scrollWidth
        return e.scrollLeft
      })
      // beside the timeline at 1280 px its columns do scroll
      if (w === 1280) expect(scrolled).toBeGreaterThan(0)
      expect(await nameLeft()).toBe(before)
      await page.screenshot({ path: `e2e/__screens__/layout-${w}x${h}.png`, fullPage: true })
    })

    test('the metric cards and the settings can be reached (scrolled to, each one whole on screen)', async ({ page }) => {
      await open(page, 'pattern=pipeline')
      await runToEnd(page)
      const cards = page.locator('.metrics .card:visible')
      expect(await cards.count()).toBeGreaterThan(3)
      for (const card of await cards.all()) await expectReachable(card)
      const settings = page.getByRole('complementary', { name: 'Scenario settings' })
      await expectReachable(settings.locator('input, select, button').last())
      await expectWhole(page, 'after scrolling to the settings')
    })

    test('a long notice wraps instead of widening the page', async ({ page }) => {
      await open(page, 'v=2&p=pool&n=abc')
      await expect(page.getByTestId('notice').first()).toBeVisible()
      await expectWhole(page, 'with a notice')
    })
  })
}
