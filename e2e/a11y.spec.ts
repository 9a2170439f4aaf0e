import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { DECK } from '../src/store/deck'
import { REGISTRY } from '../src/patterns/registry'
import { drawn, expect, open, runToEnd, test } from './fixtures'

/**
 * axe-core on the page as it is: every rule axe runs by default (WCAG 2.x A and AA, colour
 * contrast included, and its best practices). A failure lists each rule with the elements it found.
 */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`).join('\n')}`)
  expect(found, `axe violations ${where}`).toEqual([])
}


test.describe('axe finds no violation', () => {
  test.describe.configure({ timeout: 120_000 })

  test('on first load', async ({ page }) => {
    await open(page)
    await drawn(page)
    await expectNoViolations(page, 'on first load')
  })

  test('after a run, with the timeline drawn, and with the timeline table open', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    await expectNoViolations(page, 'after a run')
    await page.getByTestId('table-toggle').click()
    await expect(page.getByTestId('lane-table')).toContainText('worker 10')
    await expectNoViolations(page, 'with the timeline table open')
  })

  test('on every pattern, picked by its key', async ({ page }) => {
    await open(page)
    for (let i = 0; i < Math.min(9, REGISTRY.modules.length); i++) {
      const m = REGISTRY.modules[i]
      await page.keyboard.press(String(i + 1))
      await expect(page.locator(`[data-pattern="${m.id}"]`)).toHaveAttribute('aria-checked', 'true')
      await drawn(page)
      await expectNoViolations(page, `on pattern ${m.id}`)
    }
  })

  test('on every scene of the talk, stepped through with the clicker keys', async ({ page }) => {
    test.setTimeout(240_000)
    await open(page)
    for (let i = 0; i < DECK.length; i++) {
      await page.keyboard.press('ArrowRight')
      await expect(page.getByTestId('scene-count')).toHaveText(`${i + 1} / ${DECK.length}`)
      await drawn(page)
      await expectNoViolations(page, `on scene ${DECK[i].id}`)
    }
  })

  test('with the key help open', async ({ page }) => {
    await open(page)
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible()
    await expectNoViolations(page, 'with the key help open')
  })

  test('with the list of scenes open', async ({ page }) => {
    await open(page, 'preset=opener-seq-unbounded-pool')
    await page.getByTestId('scene-count').click()
    await expect(page.getByRole('dialog', { name: 'Scenes of the talk' })).toBeVisible()
    await expectNoViolations(page, 'with the list of scenes open')
  })

  test('with the Go code panel open, after a run', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    await page.keyboard.press('g')
    await expect(page.getByTestId('code-panel')).toBeVisible()
    await expectNoViolations(page, 'with the Go code panel open')
  })

  test('with the Export menu open', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    await page.getByText('Export', { exact: true }).click()
    await expect(page.getByRole('menuitem', { name: 'Copy as ASCII' })).toBeVisible()
    await expectNoViolations(page, 'with the Export menu open')
  })

  test('in the compare view, with two pinned runs', async ({ page }) => {
    await open(page, 'pattern=pool&n=20&d=20&pool=4')
    await runToEnd(page)
    await page.keyboard.press('n')
    await page.keyboard.press('2')
    await runToEnd(page)
    await page.keyboard.press('n')
    await page.keyboard.press('c')
    await expect(page.locator('.compare-run')).toHaveCount(2)
    // each pinned run named once: its pattern, then its scenario
    await expect(page.locator('.compare-label')).toHaveText(['Worker pool 20 items × 20 ms · worker pool P = 4 · buffer 10', 'Unbounded 20 items × 20 ms · a goroutine per item'])
    await expectNoViolations(page, 'in the compare view')
  })

  test('with the notice of a link that could not be read', async ({ page }) => {
    await open(page, 'v=2&p=pool&n=abc')
    await expect(page.getByTestId('notice').first()).toBeVisible()
    await expectNoViolations(page, 'with a notice shown')
  })

  test('with the talk-against-theory dialog of a scene open', async ({ page }) => {
    await open(page, 'preset=opener-seq-unbounded-pool')
    await page.getByRole('button', { name: /Talk vs theory/ }).click()
    await expect(page.getByRole('dialog', { name: 'The talk against theory and measurement' })).toBeVisible()
    await expectNoViolations(page, 'with the claims dialog open')
  })

  for (const [w, h] of [[1280, 720], [1024, 768]] as const) {
    test(`in projector mode at ${w} × ${h}, after a run, with the table open`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h })
      await open(page, 'preset=pipeline-bottleneck')
      await runToEnd(page)
      await page.keyboard.press('p')
      await expect(page.locator('html')).toHaveClass(/projector/)
      await expectNoViolations(page, 'in projector mode')
      await page.keyboard.press('t')
      await expect(page.getByTestId('lane-table')).toBeVisible()
      await expectNoViolations(page, 'in projector mode with the table')
    })
  }

  test('on a phone (390 × 844), after a run', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open(page)
    await runToEnd(page)
    await expectNoViolations(page, 'on a phone')
  })
})
