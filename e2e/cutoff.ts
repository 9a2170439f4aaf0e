import type { Page } from '@playwright/test'

/**
 * What the page shows cut off, as `selector: why` lines: an element outside the viewport's width,
 * below the end of the page, clipped by an ancestor that hides its overflow without scrolling it,
 * or text that ends in an ellipsis or is clamped. Drawn content (the timeline's SVG and canvas,
 * strips, charts) is left out: those draw to their own size.
 */
export async function cutOff(page: Page, selectors: string, truncatable = ''): Promise<string[]> {
  return page.evaluate(
    ([whole, cuttable]) => {
      const out: string[] = []
      const name = (el: Element) => {
        const id = el.getAttribute('data-testid') ?? el.getAttribute('data-metric')
        const cls = (el.getAttribute('class') ?? '').split(' ').filter(Boolean).join('.')
        return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}${id ? `[${id}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
      }
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      }
      const clips = (cs: CSSStyleDeclaration, axis: 'x' | 'y') => {
        const o = axis === 'x' ? cs.overflowX : cs.overflowY
        const scrolls = o === 'auto' || o === 'scroll'
        const hides = o === 'hidden' || o === 'clip' || /paint|strict|content/.test(cs.contain)
        return hides && !scrolls
      }
      const doc = document.scrollingElement as HTMLElement
      for (const el of document.querySelectorAll(whole)) {
        if (el.closest('.timeline-host, .strip-host, .sweep-chart, .sr-only') || !shown(el)) continue
        const r = el.getBoundingClientRect()
        if (r.left < -0.5 || r.right > innerWidth + 0.5) out.push(`${name(el)}: outside the viewport's width (${Math.round(r.left)}…${Math.round(r.right)} of ${innerWidth})`)
        // below the end of what scrolls it: its own scrolling container (the settings), else the page
        let scroller: HTMLElement | null = el.parentElement
        while (scroller && scroller !== doc && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement
        if (scroller && scroller !== doc) {
          const sr = scroller.getBoundingClientRect()
          if (r.bottom - sr.top + scroller.scrollTop > scroller.scrollHeight + 0.5) out.push(`${name(el)}: below the end of ${name(scroller)}`)
        } else if (r.bottom + doc.scrollTop > doc.scrollHeight + 0.5) out.push(`${name(el)}: below the end of the page`)
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const cs = getComputedStyle(a)
          const ar = a.getBoundingClientRect()
          if (clips(cs, 'x') && (r.left < ar.left - 1 || r.right > ar.right + 1)) out.push(`${name(el)}: cut by ${name(a)} (x)`)
          if (clips(cs, 'y') && (r.top < ar.top - 1 || r.bottom > ar.bottom + 1)) out.push(`${name(el)}: cut by ${name(a)} (y)`)
        }
      }
      if (cuttable) {
        for (const el of document.querySelectorAll<HTMLElement>(cuttable)) {
          if (!shown(el) || el.closest('.sr-only')) continue
          const cs = getComputedStyle(el)
          // wider than its box: cut (ellipsis, hidden) or spilling over its neighbours
          const wide = el.scrollWidth > el.clientWidth + 1
          const clamped = cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1
          if (wide || clamped) out.push(`${name(el)}: text cut (${wide ? (cs.textOverflow === 'ellipsis' ? 'ellipsis' : 'too wide') : 'clamped'})`)
        }
      }
      return out
    },
    [selectors, truncatable] as const,
  )
}

/** Elements that must be whole on screen: metric cards, every control in the header and the tools, notices, test ids. */
export const WHOLE = '[data-testid], .card, header button, .tools .tool, .tools summary, .scene-nav button, .scrub .tool, .scrub select, .notice, .notice button, .legend-item'
/**
 * Text that must not end in an ellipsis: the status, hints, caption, lesson, metric labels and
 * values. (The claim chips may: they are a preview, and Talk vs theory beside them lists every claim in full.)
 */
export const READABLE = '.status, .stale-hint, .caption, .lesson-row, .card-label, .card-value, .card-sub, .compare-label, .stage-name, .stage-shape, .stage-util, .chan-len, .roll-label, .roll-value, .roll-theory'
