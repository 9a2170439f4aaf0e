import type { Selection } from 'd3-selection'

export type G = Selection<SVGGElement, unknown, null, undefined>

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
