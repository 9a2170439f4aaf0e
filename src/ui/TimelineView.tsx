import { useEffect, useRef } from 'react'
import type { Theory } from '../core/theory'
import { store } from '../store/app'
import { liveFps } from '../store/pace'
import { cursorTime } from '../store/playback'
import { seek } from '../store/actions'
import { traceHub } from '../store/traceHub'
import { createChanChart } from '../viz/chanChart'
import { formatMs } from '../viz/format'
import type { TimelineInput } from '../viz/layout'
import { createTimeline } from '../viz/timeline'

/**
 * Hosts the D3 controllers (created once, updated from one requestAnimationFrame loop, destroyed on
 * unmount). The loop reads the trace and the playback clock directly: no React render per frame.
 */
export function TimelineView({ theory, showChan }: { theory: Theory; showChan: boolean }) {
  const tlRef = useRef<HTMLDivElement>(null)
  const chanRef = useRef<HTMLDivElement>(null)
  const scrubRef = useRef<HTMLInputElement>(null)
  const clockRef = useRef<HTMLSpanElement>(null)
  const theoryRef = useRef(theory)
  useEffect(() => {
    theoryRef.current = theory
  }, [theory])

  useEffect(() => {
    const tl = createTimeline(tlRef.current as HTMLDivElement)
    const chan = chanRef.current ? createChanChart(chanRef.current) : null
    let raf = 0
    let sleep: ReturnType<typeof setTimeout> | null = null
    let lastKey = ''
    let lastTheory: Theory | null = null
    let lastDraw = 0
    const frame = () => {
      const st = store.getState()
      const trace = traceHub.get()
      const end = trace ? (isNaN(trace.endT) ? trace.lastT : trace.endT) : 0
      const p = st.playback
      const live = trace !== null && trace.status === 'running' && p.mode === 'live'
      const mode = live ? 'live' : trace ? (p.mode === 'live' ? 'still' : p.mode) : 'still'
      let cursor = trace ? cursorTime({ ...p, mode }, end) : 0
      if (live && trace) cursor = Math.max(cursor, trace.lastT)
      if (mode === 'replay' && p.playing && cursor >= end) {
        store.setState({ playback: { ...p, playing: false, anchorT: end, anchorWall: performance.now() } })
      }
      const th = trace ? trace.theory : theoryRef.current
      const key = `${trace ? trace.version : -1}|${cursor}|${mode}|${st.scenario.timeScale}|${st.scenario.pattern}`
      const now = performance.now()
      const fps = live && trace ? liveFps(trace) : 60
      if (fps < 60) {
        // Below the display rate, sleep between frames instead of waking every vsync.
        const wait = 1000 / fps - (now - lastDraw)
        if (wait > 4) {
          sleep = setTimeout(() => {
            sleep = null
            raf = requestAnimationFrame(frame)
          }, wait - 2)
          return
        }
      }
      raf = requestAnimationFrame(frame)
      if (key === lastKey && th === lastTheory) return
      lastDraw = now
      lastKey = key
      lastTheory = th
      const input: TimelineInput = {
        scenario: trace ? trace.scenario : st.scenario,
        theory: th,
        trace,
        cursor: trace ? cursor : 0,
        showCursor: live || mode === 'replay',
      }
      tl.update(input)
      chan?.update(input)
      const scale = input.scenario.timeScale
      if (scrubRef.current) {
        scrubRef.current.max = String(end)
        scrubRef.current.value = String(trace ? Math.min(cursor, end) : 0)
        scrubRef.current.disabled = !trace || live
      }
      if (clockRef.current) {
        const shownEnd = live ? cursor : end
        clockRef.current.textContent = trace ? `${formatMs(Math.min(cursor, shownEnd) / scale)} / ${formatMs(shownEnd / scale)}` : ''
      }
    }
    raf = requestAnimationFrame(frame)
    return () => {
      cancelAnimationFrame(raf)
      if (sleep !== null) clearTimeout(sleep)
      tl.destroy()
      chan?.destroy()
    }
  }, []) // mounted once per shape: App keys this component by whether it shows the channel chart

  return (
    <section className="timeline-wrap" aria-label="Timeline">
      <div className="timeline-host" ref={tlRef} data-testid="timeline" />
      {showChan && <div className="chan-host" ref={chanRef} data-testid="chan-chart" />}
      <div className="scrub">
        <input
          ref={scrubRef}
          type="range"
          min={0}
          step="any"
          aria-label="Replay position"
          data-testid="scrub"
          onChange={(e) => seek(Number(e.target.value))}
        />
        <span className="scrub-clock" ref={clockRef} data-testid="clock" />
      </div>
    </section>
  )
}
