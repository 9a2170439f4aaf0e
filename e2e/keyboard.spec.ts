import type { Page } from '@playwright/test'
import { DECK } from '../src/store/deck'
import { expect, open, runToEnd, test } from './fixtures'

// Keyboard, screen readers and reduced motion (axe's scans of every screen are in a11y.spec.ts).

/** What has the focus: its test id, else its accessible name or text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim()
  })
}

test.describe('the keyboard', () => {
  test('Enter and Space press the focused button (Go code, Table) instead of running or toggling anything else', async ({ page }) => {
    await open(page)
    const code = page.getByTestId('code')
    await code.focus()
    await page.keyboard.press('Enter')
    await expect(code).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('code-panel')).toBeVisible()
    await page.keyboard.press('Space')
    await expect(code).toHaveAttribute('aria-pressed', 'false')
    const table = page.getByTestId('table-toggle')
    await table.focus()
    await page.keyboard.press('Space')
    await expect(table).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('lane-table')).toBeVisible()
    // Space went to the buttons: nothing ran
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
  })

  test('Enter on a focused Run runs once; Space on a focused Dismiss dismisses the notice and does not run', async ({ page }) => {
    await open(page, 'v=2&p=pool&n=abc')
    const notices = page.getByTestId('notice')
    const before = await notices.count()
    expect(before).toBeGreaterThan(0)
    await notices.first().getByRole('button', { name: 'Dismiss' }).focus()
    await page.keyboard.press('Space')
    await expect(notices).toHaveCount(before - 1)
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
    await page.getByTestId('run').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', /done/, { timeout: 30_000 })
  })

  test('Enter on a focused Download trace downloads the trace', async ({ page }) => {
    await open(page, 'pattern=pool&n=20&d=20')
    await runToEnd(page)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /Download trace/ }).focus()
    await page.keyboard.press('Enter')
    expect((await download).suggestedFilename()).toMatch(/\.json$/)
  })

  test('keys typed into a focused select or text box stay there (← on the speed does not change the scene, T in a box does not open the table)', async ({ page }) => {
    await open(page, 'preset=opener-seq-unbounded-pool')
    await runToEnd(page)
    const count = await page.getByTestId('scene-count').textContent()
    const speed = page.getByTestId('speed')
    const was = await speed.inputValue()
    await speed.focus()
    await page.keyboard.press('ArrowDown')
    await expect(speed).not.toHaveValue(was)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('scene-count')).toHaveText(count ?? '')
    const box = page.getByRole('textbox', { name: 'Items N exact value' })
    await box.focus()
    await page.keyboard.press('t')
    await expect(page.getByTestId('table-toggle')).toHaveAttribute('aria-pressed', 'false')
  })

  test('Esc closes the key help and gives the focus back to the control that had it', async ({ page }) => {
    await open(page)
    await page.getByTestId('code').focus()
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard' })
    await expect(help).toBeVisible()
    await expect.poll(() => focused(page)).toBe('Close') // the focus moved into the dialog
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await expect.poll(() => focused(page)).toBe('code')
    // Esc in a dialog is the dialog's: it did not stop or start anything
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
  })

  test('Enter opens the list of scenes, Tab stays inside it, Esc closes it and the focus is back on the scene button', async ({ page }) => {
    await open(page, 'preset=opener-seq-unbounded-pool')
    await page.getByTestId('scene-count').focus()
    await page.keyboard.press('Enter')
    const list = page.getByRole('dialog', { name: 'Scenes of the talk' })
    await expect(list).toBeVisible()
    for (let i = 0; i < DECK.length * 2 + 3; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null), `focus inside the dialog after ${i + 1} Tabs`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(list).toHaveCount(0)
    await expect.poll(() => focused(page)).toBe('scene-count')
  })

  test('Esc closes the talk-against-theory dialog and the focus is back on its button', async ({ page }) => {
    await open(page, 'preset=opener-seq-unbounded-pool')
    const opener = page.getByRole('button', { name: /Talk vs theory/ })
    await opener.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'The talk against theory and measurement' })
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(opener).toBeFocused()
  })

  test('the Export menu: Enter opens it on its first item, ↓ moves, Esc closes it back to Export', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    const summary = page.locator('summary', { hasText: 'Export' })
    await summary.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menuitem', { name: 'Copy as ASCII' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('menuitem', { name: 'Copy SVG' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menuitem', { name: 'Copy SVG' })).toBeHidden()
    await expect(summary).toBeFocused()
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done')
  })

  test('the patterns are one Tab stop; → picks the next pattern and the focus follows', async ({ page }) => {
    await open(page)
    await page.keyboard.press('Tab')
    const checked = page.locator('[role="radio"][aria-checked="true"]')
    await expect(checked).toBeFocused()
    const first = await checked.getAttribute('data-pattern')
    await page.keyboard.press('ArrowRight')
    await expect(checked).not.toHaveAttribute('data-pattern', first ?? '')
    await expect(checked).toBeFocused()
    // → moved the pattern, not the scene
    await page.keyboard.press('Tab')
    await expect(page.locator('[role="radio"]:focus')).toHaveCount(0)
  })

  test('a visible focus ring (at least 2 px) on every control Tab reaches, the selected pattern included', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    const seen: string[] = []
    const without: string[] = []
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        const cs = getComputedStyle(el)
        const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2
        const name = `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30)}`
        return { name, ring, visible: el.matches(':focus-visible') }
      })
      if (!f) continue
      seen.push(f.name)
      if (!f.ring || !f.visible) without.push(f.name)
    }
    expect(seen.some((s) => s.startsWith('button') && s.includes('Worker pool'))).toBe(true)
    expect(without, 'focused without a visible ring').toEqual([])
  })
})

test.describe('for screen readers', () => {
  test('the run status is a polite live region that says Running, then Done', async ({ page }) => {
    await open(page)
    const status = page.getByRole('status').filter({ hasText: 'Ready' })
    await expect(status).toHaveAttribute('aria-live', 'polite')
    await expect(status).toHaveText('Ready: press Space to run')
    await page.getByTestId('run').click()
    const live = page.getByTestId('status-live')
    await expect(live).toHaveText(/Running|Done/)
    await expect(live).toHaveText(/^Done/, { timeout: 30_000 })
    // the job count beside it changes four times a second: outside the live region
    expect(await live.textContent()).not.toContain('jobs')
  })

  test('the timeline picture points to its text alternative; the Table button shows a row per goroutine', async ({ page }) => {
    await open(page)
    await runToEnd(page)
    const img = page.locator('.timeline-host svg[role="img"]')
    const describedBy = await img.getAttribute('aria-describedby')
    expect(describedBy).toBeTruthy()
    await expect(page.locator(`#${describedBy}`)).toContainText('table')
    const toggle = page.getByRole('button', { name: 'Table' })
    await expect(toggle).toBeVisible()
    await toggle.click()
    const table = page.getByRole('table', { name: /Timeline as a table/ })
    await expect(table).toBeVisible()
    // main, the producer and 10 workers; each row headed by its goroutine
    await expect(table.getByRole('rowheader')).toHaveText(['main', 'producer', ...Array.from({ length: 10 }, (_, i) => `worker ${i + 1}`)])
    await expect(table.getByRole('columnheader', { name: 'Jobs done' })).toBeVisible()
    await expect(table.getByRole('row', { name: /worker 1 / })).toContainText('returned')
    await expect(page.locator(`#${describedBy}`)).toContainText('follows the timeline')
  })
})

test.describe('prefers-reduced-motion: reduce', () => {
  test('Replay shows the finished run at once (cursor at the end) instead of animating it; no CSS transitions', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await open(page, 'pattern=pool&n=40&d=50')
    await runToEnd(page)
    const full = Number(await page.getByTestId('timeline').getAttribute('data-bars'))
    await page.getByTestId('speed').selectOption('0.1')
    await page.getByTestId('replay').click()
    // at ×0.1 an animated replay would take seconds; here the last frame is there at once and stays
    await expect(page.getByTestId('notice').last()).toContainText('Reduced motion')
    await expect.poll(async () => Number(await page.getByTestId('timeline').getAttribute('data-bars'))).toBe(full)
    const scrub = page.getByTestId('scrub')
    await expect.poll(() => scrub.evaluate((el) => Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max) - 1e-6)).toBe(true)
    await expect(page.getByTestId('pause')).toHaveText(/Play/)
    await page.waitForTimeout(500)
    expect(Number(await page.getByTestId('timeline').getAttribute('data-bars'))).toBe(full)
    // K (play) does the same
    await page.keyboard.press('k')
    await expect(page.getByTestId('pause')).toHaveText(/Play/)
    const moving = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => {
      const cs = getComputedStyle(el)
      return parseFloat(cs.transitionDuration) > 0 || (cs.animationName !== 'none' && parseFloat(cs.animationDuration) > 0)
    }).length)
    expect(moving).toBe(0)
  })
})
