import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { formatMs } from '../core/format'
import { REGISTRY } from '../patterns/registry'
import { store } from '../store/app'
import { compareCursor, compareEnd, compareReplay, seekCompare } from '../store/compareReplay'
import { clearPins, pinStore, unpin, type Pin } from '../store/pins'
import type { TimelineController } from '../viz/layout'
import { createTimeline } from '../viz/timeline'
import { useApp } from './hooks'
import { playPausePinned, replayPinned } from './motion'

/** How one run compares with the first: "100× faster", "1.7× slower". */
function versus(ms: number, first: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(first) || ms <= 0) return ''
  const r = first / ms
  if (Math.abs(r - 1) < 0.005) return 'same as the first'
  return r > 1 ? `${r >= 10 ? r.toFixed(0) : r.toFixed(r >= 2 ? 1 : 2)}× faster` : `${(1 / r).toFixed(1 / r >= 2 ? 1 : 2)}× slower`
}

const makespan = (p: Pin) => (p.trace.status === 'done' ? p.trace.endT / p.trace.timeScale : NaN)

/**
 * Pinned runs stacked on one time axis, like the talk's "sequential vs unlimited vs pool" slide: each
 * with its makespan and how it compares with the first. They replay together (R, K), from one clock.
 */
export default function CompareView() {
  const pins = useStore(pinStore, (s) => s.pins)
  const speed = useApp((s) => s.playback.speed)
  const hosts = useRef<(HTMLDivElement | null)[]>([])
  const clock = useRef<HTMLSpanElement>(null)
  const scrub = useRef<HTMLInputElement>(null)
  const playing = useStore(compareReplay, (s) => s.playing)

  useEffect(() => {
    const ctls: TimelineController[] = pins.flatMap((_, i) => {
      const el = hosts.current[i]
      return el ? [createTimeline(el)] : []
    })
    const end = Math.max(1, ...pins.map((p) => Math.max(p.trace.end / p.trace.timeScale, p.theory && p.theory.status === 'done' ? p.theory.end / p.theory.timeScale : 0))) * 1.03
    let raf = 0
    let lastT = NaN
    let lastLarge = false
    // each finished run is rasterised once, on its first update: one new lane per frame keeps
    // opening the view of four big runs free of long tasks
    let drawn = 0
    const frame = () => {
      raf = requestAnimationFrame(frame)
      const sp = store.getState().playback.speed
      const t = compareCursor(sp)
      const large = store.getState().view.projector
      if (t === lastT && large === lastLarge && drawn >= ctls.length) return
      lastT = t
      lastLarge = large
      drawn = Math.min(ctls.length, drawn + 1)
      const moving = compareReplay.getState().playing || t < compareEnd()
      pins.forEach((p, i) =>
        i < drawn && ctls[i]?.update({
          scenario: p.trace.scenario,
          theory: p.theory,
          trace: p.trace,
          cursor: Math.min(t * p.trace.timeScale, p.trace.end),
          showCursor: moving,
          highlight: [],
          window: 0,
          domain: [0, end],
          compact: { axis: i === 0 },
          large,
        }),
      )
      if (clock.current) clock.current.textContent = `${formatMs(t)} / ${formatMs(compareEnd())}`
      if (scrub.current) {
        scrub.current.max = String(compareEnd())
        scrub.current.value = String(t)
      }
      if (compareReplay.getState().playing && t >= compareEnd()) compareReplay.setState({ playing: false, anchorT: compareEnd(), anchorWall: performance.now() })
    }
    raf = requestAnimationFrame(frame)
    return () => {
      cancelAnimationFrame(raf)
      for (const c of ctls) c.destroy()
    }
  }, [pins])

  if (pins.length === 0) {
    return (
      <section className="compare empty" aria-label="Compare">
        <p>
          No pinned runs yet. Run a scenario and press <kbd>N</kbd> (Pin run) to keep it here, up to four; or press <kbd>A</kbd> on a scene of the talk to run its whole comparison.
        </p>
      </section>
    )
  }
  const first = makespan(pins[0])
  return (
    <section className="compare" aria-label="Compare" data-testid="compare-view">
      <div className="compare-runs">
        {pins.map((p, i) => {
          const summary = REGISTRY.pattern(p.trace.scenario.pattern)?.summary(p.trace.scenario) ?? ''
          // a pin of an earlier version may carry its scenario in its label already
          const own = p.label.includes(summary) ? '' : summary
          return (
            <div key={p.id} className="compare-run" data-makespan={makespan(p)}>
              <div className="compare-head">
                <span className="compare-label" title={own ? `${p.label} · ${own}` : p.label}>
                  {p.label}
                  {own && <small> {own}</small>}
                </span>
                <span className="compare-ms">{Number.isFinite(makespan(p)) ? formatMs(makespan(p)) : p.trace.status}</span>
                <span className="compare-vs">{i > 0 ? versus(makespan(p), first) : 'the first'}</span>
                <button className="tool" onClick={() => unpin(p.id)} aria-label={`Unpin ${p.label}${own ? `, ${own}` : ''}`} title="Unpin">
                  ×
                </button>
              </div>
              <div
                className="compare-host timeline-host"
                ref={(el) => {
                  hosts.current[i] = el
                }}
              />
            </div>
          )
        })}
      </div>
      <div className="scrub">
        <button className="tool" onClick={replayPinned} title="Replay them together (R)">
          ⟲ Replay
        </button>
        <button className="tool" onClick={() => playPausePinned(speed)} title="Pause / resume (K)">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <input ref={scrub} type="range" min={0} step="any" aria-label="Compare replay position" onChange={(e) => seekCompare(Number(e.target.value))} />
        <span className="scrub-clock" ref={clock} />
        <button className="tool" onClick={clearPins} title="Unpin every run">
          Clear
        </button>
      </div>
    </section>
  )
}
