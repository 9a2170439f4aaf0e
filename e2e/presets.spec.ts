import { REGISTRY } from '../src/patterns/registry'
import { expect, metric, open, test, timelineData } from './fixtures'
import { downloadTrace, fileViolations, itemsByGroup, peakPerGroup } from './traceFile'

/**
 * Every preset of the talk runs for real in Chromium to completion (or, for a run that goes on until
 * Stop, for a few seconds); its downloaded trace keeps the invariants. Timing bounds are loose here:
 * the benchmark holds the tight ones.
 */
for (const preset of REGISTRY.presets) {
  test(`preset ${preset.id} runs for real and its trace holds`, async ({ page }) => {
    test.setTimeout(90_000)
    await open(page, `preset=${preset.id}`)
    await expect.poll(() => page.getByTestId('timeline').getAttribute('data-lanes')).not.toBe('0')
    const mod = REGISTRY.module(preset.pattern)
    const continuous = mod.continuous?.((preset.params ?? {}) as never) ?? false
    await page.getByTestId('run').click()
    if (continuous) {
      await page.waitForTimeout(3_000)
      await page.keyboard.press('Space')
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'stopped')
      await expect(page.locator('[data-roll="out"] .roll-value')).not.toHaveText('—')
    } else if (preset.expect?.deadlock) {
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 })
      await expect(page.getByTestId('notice')).toContainText('all goroutines are asleep - deadlock!')
    } else {
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
      const ratio = await metric(page, 'ratio')
      expect(ratio).toBeGreaterThan(0.97)
      expect(ratio).toBeLessThan(2) // the first run of a page is slowest (cold JIT); the benchmark holds the tight bound
      if (preset.expect?.makespan !== undefined) expect(await metric(page, 'theory')).toBeCloseTo(preset.expect.makespan, 6)
    }
    expect(Number((await timelineData(page)).lanes)).toBeGreaterThan(0)
    const file = await downloadTrace(page)
    expect(file.metadata.scenario.pattern).toBe(preset.pattern)
    expect(fileViolations(file)).toEqual([])
    // a pipeline stage never has more jobs in progress than workers, and sees every item at most once
    const stages = (file.metadata.scenario.params.stages ?? []) as { name: string; workers: number }[]
    const peaks = peakPerGroup(file)
    for (const st of stages) expect(peaks.get(st.name) ?? 0, st.name).toBeLessThanOrEqual(st.workers)
    if (stages.length && !preset.expect?.deadlock) {
      const items = itemsByGroup(file)
      expect(items.get(stages[0].name)?.length).toBe(file.metadata.scenario.shared.n)
    }
    await page.screenshot({ path: `e2e/__screens__/preset-${preset.id}.png` })
  })
}
