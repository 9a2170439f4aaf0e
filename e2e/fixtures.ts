import { test as base, expect, type Page } from '@playwright/test'

/**
 * Every test fails on a console error, an uncaught page error or a Content-Security-Policy violation
 * (the built app is served with a CSP: see src/headers.ts).
 */
export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      page.on('pageerror', (e) => errors.push(e.message))
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`)),
      )
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

export async function open(page: Page, query = ''): Promise<void> {
  await page.goto('/' + (query ? `?${query}` : ''))
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready')
}

/** Presses Run and waits until the run has ended (done, stopped or failed). */
export async function runToEnd(page: Page, timeout = 30_000): Promise<string> {
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', /done|stopped|failed/, { timeout })
  return (await page.getByTestId('status').getAttribute('data-status')) ?? ''
}

/** A metric card's value; NaN when the card is not shown (it does not apply to this run). */
export async function metric(page: Page, id: string): Promise<number> {
  const card = page.locator(`[data-metric="${id}"]`)
  if ((await card.count()) === 0) return NaN
  const v = await card.getAttribute('data-value')
  return v === null || v === '' ? NaN : Number(v)
}

export async function timelineData(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('timeline').evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>)
}

export function queryOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams
}

/** Types a value into a setting's exact-entry box (by its label) and commits it, as a user does. */
export async function setExact(page: Page, label: string, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: `${label} exact value` })
  await box.fill(value)
  await box.press('Enter')
}

/**
 * Makes a worker of the page throw an uncaught error, the way a worker that dies does: no hook in
 * the app, the test reaches the worker through Playwright. `which` matches the worker's script
 * (`thread.worker`, `scheduler.worker`); `index` picks among several.
 */
export async function crashWorker(page: Page, which: RegExp, index = 0): Promise<void> {
  const workers = page.workers().filter((w) => which.test(w.url()))
  if (workers.length <= index) throw new Error(`no worker ${index} matching ${which} among ${page.workers().map((w) => w.url()).join(', ')}`)
  await workers[index].evaluate(() => {
    setTimeout(() => {
      throw new Error('worker crashed on purpose (crash test)')
    })
  })
}

/** Waits until the ideal schedule is drawn (the timeline has lanes), e.g. so that axe sees the screen as a reader does. */
export async function drawn(page: Page): Promise<void> {
  await expect.poll(async () => Number(await page.getByTestId('timeline').getAttribute('data-lanes')), { timeout: 30_000 }).toBeGreaterThan(0)
}
