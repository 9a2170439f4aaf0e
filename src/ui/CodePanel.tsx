import { use, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import { useStore } from 'zustand'
import { State } from '../core/events'
import { lineOfSegment, type GoLine } from '../core/gosource'
import type { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { store } from '../store/app'
import { focusStore, pickLine } from '../store/focus'
import { loadGoLines } from '../store/patternParts'
import { cursorTime } from '../store/playback'
import { traceHub } from '../store/traceHub'

/** At most this many goroutine names are listed on a line; the rest are counted. */
const NAMES_SHOWN = 3
/** The panel refreshes its marks at most this often (ms): enough to follow a replay by eye. */
const REFRESH_MS = 100

/** Which goroutines are on which line at real time `t`: line index → goroutine names. */
function whoIsWhere(tr: Trace, lines: readonly GoLine[], t: number): Map<number, string[]> {
  const at = new Map<number, string[]>()
  const latest = new Int32Array(tr.goroutines).fill(-1)
  for (let s = 0; s < tr.segments; s++) {
    if (tr.sT0.data[s] > t) continue
    const t1 = tr.sT1.data[s]
    if (!isNaN(t1) && t1 <= t) continue
    if (tr.sState.data[s] !== State.Active) latest[tr.sG.data[s]] = s
  }
  latest.forEach((s, g) => {
    if (s < 0) return
    const line = lineOfSegment(lines, tr, s)
    if (line < 0) return
    const names = at.get(line) ?? []
    names.push(tr.goroutineName(g))
    at.set(line, names)
  })
  return at
}

/**
 * The pattern as Go. While a run is shown, each line says which goroutines are on it at the cursor
 * (the producer on `jobs <- j` while the buffer is full, main on `wg.Wait()`); the bar under the
 * pointer marks its line; clicking a line makes every bar spent on it stand out. The Go text loads
 * when the panel first shows a pattern: until another pattern's has loaded, the panel keeps showing
 * the one before (a deferred value), so switching patterns never blanks it.
 */
export default function CodePanel({ pattern: current }: { pattern: string }) {
  const pattern = useDeferredValue(current)
  const mod = REGISTRY.module(pattern)
  const lines = use(loadGoLines(pattern))
  const picked = useStore(focusStore, (f) => f.line)
  const hoverSeg = useStore(focusStore, (f) => f.segment)
  const [marks, setMarks] = useState<Map<number, string[]>>(new Map())
  const last = useRef('')
  // the line of the bar under the pointer (the trace lives outside React state: read it here)
  const hoverLine = useMemo(() => {
    const tr = traceHub.get()
    return tr && hoverSeg >= 0 && hoverSeg < tr.segments ? lineOfSegment(lines, tr, hoverSeg) : -1
  }, [hoverSeg, lines])

  useEffect(() => {
    const tick = () => {
      const tr = traceHub.get()
      if (!tr || tr.scenario.pattern !== pattern) {
        if (last.current !== '') setMarks(new Map())
        last.current = ''
        return
      }
      const t = cursorTime(store.getState().playback, tr.end)
      const key = `${tr.version}|${t}`
      if (key === last.current) return
      last.current = key
      setMarks(whoIsWhere(tr, lines, t))
    }
    tick()
    const id = setInterval(tick, REFRESH_MS)
    return () => clearInterval(id)
  }, [pattern, lines])

  return (
    <section className="code-panel" aria-label={`${mod.title} as Go`} data-testid="code-panel">
      <div className="code-head">
        <b>{mod.title}</b> in Go · <span>click a line to see the time spent on it</span>
      </div>
      <ol className="code">
        {lines.map((l, i) => {
          const who = marks.get(i) ?? []
          const cls = ['code-line', who.length ? 'busy' : '', i === hoverLine ? 'hover' : '', i === picked ? 'picked' : '', l.tag ? 'tagged' : ''].join(' ')
          // a line too long for the panel wraps under its own indentation, two columns further in
          // (the leading tabs stay in the text, at no width, so that copied code keeps them)
          const lead = /^[\t ]*/.exec(l.text)?.[0] ?? ''
          const text = (
            <>
              <span className="code-lead">{lead}</span>
              {l.text.slice(lead.length) || ' '}
            </>
          )
          const indent = { '--indent': lead.length === 0 ? 0 : lead.replaceAll('\t', '    ').length } as CSSProperties
          return (
            <li key={i} className={cls} data-line={i} data-who={who.length}>
              {l.tag ? (
                <button className="code-text" style={indent} onClick={() => pickLine(i)} aria-pressed={i === picked} title="Show the time spent on this line">
                  {text}
                </button>
              ) : (
                <span className="code-text" style={indent}>
                  {text}
                </span>
              )}
              {who.length > 0 && (
                <span className="code-who">
                  ◀ {who.slice(0, NAMES_SHOWN).join(', ')}
                  {who.length > NAMES_SHOWN ? ` +${who.length - NAMES_SHOWN}` : ''}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
