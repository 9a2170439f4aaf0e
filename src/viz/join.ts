import type { BaseType, Selection } from 'd3-selection'

export type G = Selection<SVGGElement, unknown, null, undefined>

/**
 * Sets each element's text to `text(d)` only where it differs: d3's .text() replaces the text node
 * every time, which makes the browser lay the label out again on every frame of a live run.
 */
export function setText<E extends BaseType, D, P extends BaseType>(sel: Selection<E, D, P, unknown>, text: (d: D) => string): void {
  sel.each(function (d) {
    const t = text(d)
    const el = this as Element
    if (el.textContent !== t) el.textContent = t
  })
}

/**
 * Joins `data` to `<g class="cls">` groups that each hold one `shape` and one `<text>`, created once
 * per datum; the caller sets their attributes on the returned selection.
 */
export function joinShapeWithLabel<D>(parent: G, cls: string, data: D[], key: (d: D) => string | number, shape: 'rect' | 'line') {
  return parent
    .selectAll<SVGGElement, D>(`g.${cls}`)
    .data(data, key)
    .join((enter) => {
      const e = enter.append('g').attr('class', cls)
      e.append(shape)
      e.append('text')
      return e
    })
}
