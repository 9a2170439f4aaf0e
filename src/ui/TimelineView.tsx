import { useEffect, useRef } from 'react'
import { formatMs } from '../core/format'
import { lineOfSegment } from '../core/gosource'
import type { Trace } from '../core/trace'
import type { StageNode } from '../patterns/module'
import { REGISTRY } from '../patterns/registry'
import { seek } from '../store/actions'
import { store } from '../store/app'
import { focusStore, setHover } from '../store/focus'
import { goLinesIfLoaded } from '../store/patternParts'
import { setHoveredLane } from '../store/stepping'
import { liveFps } from '../store/pace'
import { cursorTime } from '../store/playback'
import { traceHub } from '../store/traceHub'
import type { TimelineInput } from '../viz/layout'
import { createRolling, type RollingSpec } from '../viz/rolling'
import { createStageGraph } from '../viz/stages'
import { createStrip, type StripController } from '../viz/strip'
import { createTimeline } from '../viz/timeline'
import { ReplayControls } from './ReplayControls'
import { TIMELINE_ALT_ID } from './tableView'

export interface StripDef {
  resource: string
  caption: string
}

/** Segments spent on the picked code line, as flags (computed once per trace version, not per frame). */
function lineEmphasis(tr: Trace | null, line: number, showCode: boolean, cache: { key: string; f: ((s: number) => boolean) | null }): ((s: number) => boolean) | null {
  if (!tr || line < 0 || !showCode) return null
  const key = `${tr.scenario.pattern}|${tr.version}|${line}|${tr.segments}`
  if (cache.key === key) return cache.f
  // loaded by the code panel, where the line was picked
  const lines = goLinesIfLoaded(tr.scenario.pattern)
  if (!lines) return null
  const on = new Uint8Array(tr.segments)
  for (let s = 0; s < tr.segments; s++) on[s] = lineOfSegment(lines, tr, s) === line ? 1 : 0
  cache.key = key
  cache.f = (s) => on[s] === 1
  return cache.f
}

/** The lanes to emphasise: what the pattern's module calls the critical path of the trace shown. */
function highlightOf(tr: Trace | null): number[] {
  if (!tr) return []
  const mod = REGISTRY.pattern(tr.scenario.pattern)
  return mod?.highlight ? mod.highlight(tr) : []
}

/**
 * Hosts the D3 controllers (created once, updated from one requestAnimationFrame loop, destroyed on
 * unmount). The loop reads the trace and the playback clock directly: no React render per frame.
 */
/** Characters the replay clock's box holds before it widens ("250 ms / 500 ms"; styles.css: .scrub-clock). */
const CLOCK_CHARS = 16

/** A run that goes on until Stop shows this much scenario time at once (the axis slides). */
export const CONTINUOUS_WINDOW_MS = 20_000

interface Props {
  theory: Trace | null
  strips: readonly StripDef[]
  stages: readonly StageNode[] | null
  rolling: RollingSpec | null
  /** the shown scenario goes on until Stop */
  continuous: boolean
  hasTrace: boolean
}

export function TimelineView({ theory, strips, stages, rolling, continuous, hasTrace }: Props) {
  const rollingRef = useRef<HTMLDivElement>(null)
  const continuousRef = useRef(continuous)
  useEffect(() => {
    continuousRef.current = continuous
  }, [continuous])
  const tlRef = useRef<HTMLDivElement>(null)
  const stagesHostRef = useRef<HTMLDivElement>(null)
  const stagesRef = useRef(stages)
  useEffect(() => {
    stagesRef.current = stages
  }, [stages])
  const stripRefs = useRef<(HTMLDivElement | null)[]>([])
  const scrubRef = useRef<HTMLInputElement>(null)
  const clockRef = useRef<HTMLSpanElement>(null)
  const theoryRef = useRef(theory)
  useEffect(() => {
    theoryRef.current = theory
  }, [theory])

  useEffect(() => {
    const tl = createTimeline(tlRef.current as HTMLDivElement, {
      describedBy: TIMELINE_ALT_ID,
      onHover(segment, lane) {
        setHover(segment, lane)
        setHoveredLane(lane)
      },
    })
    const emphasisCache = { key: '', f: null as ((s: number) => boolean) | null }
    const stripCtl: StripController[] = strips.flatMap((s, i) => {
      const el = stripRefs.current[i]
      return el ? [createStrip(el, s.resource, s.caption)] : []
    })
    const stageCtl = stagesHostRef.current ? createStageGraph(stagesHostRef.current) : null
    const rollCtl = rollingRef.current && rolling ? createRolling(rollingRef.current, rolling) : null
    let lastStages: readonly StageNode[] | null = null
    let raf = 0
    let sleep: ReturnType<typeof setTimeout> | null = null
    let lastKey = ''
    let lastTheory: Trace | null | undefined = undefined
    let lastDraw = 0
    let clockChars = CLOCK_CHARS
    let lastTrace: Trace | null = null
    let lastPattern = ''
    let auxPending: TimelineInput | null = null
    const drawAux = (input: TimelineInput) => {
      auxPending = null
      for (const s of stripCtl) s.update(input)
      if (stageCtl && stagesRef.current) stageCtl.update(input, stagesRef.current)
      rollCtl?.update(input)
    }
    const frame = () => {
      const st = store.getState()
      const trace = traceHub.get()
      const end = trace ? trace.end : 0
      const p = st.playback
      const live = trace !== null && trace.status === 'running' && p.mode === 'live'
      const mode = live ? 'live' : trace ? (p.mode === 'live' ? 'still' : p.mode) : 'still'
      let cursor = trace ? cursorTime({ ...p, mode }, end) : 0
      if (live && trace) cursor = Math.max(cursor, trace.lastT)
      if (mode === 'replay' && p.playing && cursor >= end) {
        store.setState({ playback: { ...p, playing: false, anchorT: end, anchorWall: performance.now() } })
      }
      const th = trace ? traceHub.theory() : theoryRef.current
      const emphasize = lineEmphasis(trace, focusStore.getState().line, st.view.code, emphasisCache)
      const key = `${trace ? trace.version : -1}|${cursor}|${mode}|${st.scenario.shared.timeScale}|${st.scenario.pattern}|${emphasisCache.key}|${emphasize !== null}|${st.view.projector}`
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
      if (key === lastKey && th === lastTheory && stagesRef.current === lastStages) {
        if (auxPending) drawAux(auxPending)
        return
      }
      // a new scene or a new ideal schedule redraws everything: the lanes now, the strips, stage
      // graph and rolling numbers in the next frame, so that no single frame does it all
      const fresh = th !== lastTheory || trace !== lastTrace || st.scenario.pattern !== lastPattern
      lastDraw = now
      lastKey = key
      lastTheory = th
      lastTrace = trace
      lastPattern = st.scenario.pattern
      lastStages = stagesRef.current
      const input: TimelineInput = {
        scenario: trace ? trace.scenario : st.scenario,
        theory: th,
        trace,
        cursor: trace ? cursor : 0,
        showCursor: live || mode === 'replay',
        highlight: highlightOf(trace && trace.status !== 'running' ? trace : trace ? null : th),
        window: continuousRef.current ? CONTINUOUS_WINDOW_MS : 0,
        emphasize,
        large: st.view.projector,
      }
      tl.update(input)
      if (fresh) auxPending = input
      else drawAux(input)
      const scale = input.scenario.shared.timeScale
      if (scrubRef.current) {
        scrubRef.current.max = String(end)
        scrubRef.current.value = String(trace ? Math.min(cursor, end) : 0)
        scrubRef.current.disabled = !trace || live
      }
      if (clockRef.current) {
        const shownEnd = live ? cursor : end
        const text = trace ? `${formatMs(Math.min(cursor, shownEnd) / scale)} / ${formatMs(shownEnd / scale)}` : ''
        clockRef.current.textContent = text
        // the clock's box is fixed (no layout per frame); it widens, once, for a longer time ("8 m 20 s / 13 h 53 m")
        const chars = Math.max(CLOCK_CHARS, text.length)
        if (chars !== clockChars && (chars > clockChars || fresh)) {
          clockChars = chars
          clockRef.current.style.width = chars > CLOCK_CHARS ? `${chars + 1}ch` : ''
        }
      }
      if (live) traceHub.drawn()
      else if (trace && mode === 'replay') traceHub.drawn(cursor)
    }
    raf = requestAnimationFrame(frame)
    return () => {
      cancelAnimationFrame(raf)
      if (sleep !== null) clearTimeout(sleep)
      // a replay's moment is no longer drawn: the numbers go back to the whole run
      if (traceHub.get()?.status !== 'running') traceHub.drawn()
      tl.destroy()
      for (const s of stripCtl) s.destroy()
      stageCtl?.destroy()
      rollCtl?.destroy()
    }
  }, [strips, rolling]) // mounted once per set of views: App keys this component by them

  return (
    <section className="timeline-wrap" aria-label="Timeline">
      <div className="timeline-host" ref={tlRef} data-testid="timeline" />
      {stages && <div className="stages-host" ref={stagesHostRef} data-testid="stage-graph" />}
      {rolling && <div className="rolling-host" ref={rollingRef} data-testid="rolling" hidden={!continuous} />}
      {strips.map((s, i) => (
        <div
          key={s.resource}
          className="strip-host"
          data-testid={`strip-${s.resource}`}
          ref={(el) => {
            stripRefs.current[i] = el
          }}
        />
      ))}
      <div className="scrub">
        <ReplayControls hasTrace={hasTrace} />
        <input ref={scrubRef} type="range" min={0} step="any" aria-label="Replay position" data-testid="scrub" onChange={(e) => seek(Number(e.target.value))} />
        <span className="scrub-clock" ref={clockRef} data-testid="clock" />
        <ReplayControls hasTrace={hasTrace} after />
      </div>
    </section>
  )
}
