import { lazy, memo, useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import { formatMs } from '../core/format'
import { effectiveThreads } from '../core/shared'
import { encodeScenario } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import type { AppState } from '../store/app'
import { compareEnd, compareReplay } from '../store/compareReplay'
import { SATURATED_FPS, saturatesCores, usesCpu } from '../store/pace'
import { compareAll, pinCurrent } from '../store/tools'
import { setView } from '../store/view'
import { isBusyStatus, store } from '../store/app'
import { Controls as ControlsView } from './Controls'
import { useApp, useTraceMetrics } from './hooks'
import { installKeyboard } from './keyboard'
import { Legend as LegendView } from './Legend'
import { Loadable } from './Loadable'
import { MetricsPanel } from './MetricsPanel'
import { playPausePinned, playPauseRun, reducedMotion, replayPinned, replayRun } from './motion'
import { Notices } from './Notices'
import { SceneNav as SceneNavView } from './SceneNav'
import { TimelineView as TimelineViewImpl, type StripDef } from './TimelineView'
import { Toolbar as ToolbarView } from './Toolbar'
import { ManualCopyDialog, Tools as ToolsView, useTraceDrop } from './Tools'
import { TIMELINE_ALT_ID, useTableOpen } from './tableView'

// loaded when first opened: the first page stays small
// App renders again whenever the numbers change (in the frames that draw a live run or a replay,
// or 4 times a second for a large one): the parts that do not show them are memoised, so a long run
// does not re-render the settings and the timeline
const Toolbar = memo(ToolbarView)
const Controls = memo(ControlsView)
const SceneNav = memo(SceneNavView)
const Legend = memo(LegendView)
const Tools = memo(ToolsView)
const TimelineView = memo(TimelineViewImpl)

const CompareView = lazy(() => import('./CompareView'))
const SweepView = lazy(() => import('./SweepView'))
const CodePanel = lazy(() => import('./CodePanel'))
const Claims = lazy(() => import('./Claims').then((m) => ({ default: m.Claims })))
const TimelineTable = lazy(() => import('./TimelineTable').then((m) => ({ default: m.TimelineTable })))
const HelpDialog = lazy(() => import('./Dialogs').then((m) => ({ default: m.HelpDialog })))
const SceneList = lazy(() => import('./Dialogs').then((m) => ({ default: m.SceneList })))

const LOADING = <div className="loading">Loading…</div>

/** What the run is doing, in a few words: the part a screen reader announces. `replay`: a replay is on screen (its cursor before the end), playing or paused. */
function statusText(status: AppState['status'], replay: 'playing' | 'paused' | null): string {
  if (replay === 'playing') return 'Replay: K pauses, R starts over, Space runs again'
  // with reduced motion K does not play a replay on: it shows the end at once (motion.ts)
  if (replay === 'paused') return reducedMotion() ? 'Replay paused: K shows the end, Space runs again' : 'Replay paused: K plays on, Space runs again'
  switch (status) {
    case 'ready':
      return 'Ready: press Space to run'
    case 'starting':
      return 'Starting workers…'
    case 'stopping':
      return 'Stopping…'
    case 'running':
      return 'Running…'
    case 'done':
      return 'Done: R replays it, Space runs again'
    case 'stopped':
      return 'Stopped: the partial run stays on screen'
    case 'failed':
      return 'The run failed: see the message above'
  }
}

/** Jobs done so far, while a run runs or a replay shows one of its moments (shown; not announced: it changes several times a second). */
function progressText(done: number, jobs: number): string {
  if (!Number.isFinite(done)) return ''
  return `${done.toLocaleString('en-US')}${Number.isFinite(jobs) ? ` / ${jobs.toLocaleString('en-US')}` : ''} jobs`
}

/** Runs expected to take longer than this (real ms) get a warning before they start. */
const LONG_RUN_MS = 60_000

/** Jobs shorter than this (real ms) are below what timers and message passing can time well. */
const SHORT_JOB_MS = 1

/**
 * The status is a live region (a screen reader says "Running…", then "Done: …"); the job count
 * beside it is not, or it would be read out four times a second. The count is the metrics' own
 * (`done`, NaN when there is none to show), so the status line and the cards never disagree, in a
 * live run or a replay (`at`: the scenario ms of the replay's moment they are of, else NaN);
 * `version` is the trace's version they were computed from (the timeline says which version and
 * which moment it drew: data-version, data-cursor).
 */
function StatusLine({ done, jobs, version, at }: { done: number; jobs: number; version: number; at: number }) {
  const status = useApp((s) => s.status)
  const playing = useApp((s) => s.playback.playing)
  const comparing = useApp((s) => s.view.main === 'compare')
  // the compare view replays its pinned runs on a clock of its own
  const pinned = useStore(compareReplay, (r) => (r.playing ? 'playing' : r.anchorT < compareEnd() ? 'paused' : null))
  const replaying = Number.isFinite(at)
  const replay = comparing ? pinned : replaying ? (playing ? 'playing' : 'paused') : null
  const count = comparing ? '' : progressText(done, jobs)
  return (
    <span className="status" data-testid="status" data-status={status} data-version={version} data-replay={replay ?? undefined} data-at={replaying && !comparing ? at : undefined}>
      <span role="status" aria-live="polite" aria-atomic="true" data-testid="status-live">
        {statusText(status, isBusyStatus(status) ? null : replay)}
      </span>
      {count && <span className="status-count"> {count}</span>}
    </span>
  )
}

export function App() {
  const scenario = useApp((s) => s.scenario)
  const presetId = useApp((s) => s.presetId)
  const status = useApp((s) => s.status)
  const view = useApp((s) => s.view)
  const machine = useApp((s) => s.machine)
  const table = useTableOpen()
  const theoryState = useApp((s) => s.theory)
  const theory = theoryState.trace && theoryState.trace.scenario.pattern === scenario.pattern ? theoryState.trace : null
  const { trace, metrics, theory: runTheory, version } = useTraceMetrics()
  useTraceDrop()
  useEffect(
    () =>
      installKeyboard({
        pin: pinCurrent,
        compareAll: () => void compareAll(),
        replay: () => (store.getState().view.main === 'compare' ? replayPinned() : replayRun()),
        togglePause: () => (store.getState().view.main === 'compare' ? playPausePinned(store.getState().playback.speed) : playPauseRun()),
      }),
    [],
  )
  useEffect(() => {
    document.documentElement.classList.toggle('projector', view.projector)
  }, [view.projector])
  const busy = isBusyStatus(status)
  // the screen shows the last run; "stale" when the settings now say something else
  const stale = trace !== null && !busy && encodeScenario(REGISTRY, trace.scenario) !== encodeScenario(REGISTRY, scenario)
  const shown = trace?.scenario ?? scenario
  const mod = REGISTRY.module(shown.pattern)
  const preset = presetId ? REGISTRY.preset(presetId) : undefined
  const scene = preset && preset.pattern === shown.pattern ? preset : undefined
  const theoryMs = theory && theory.status === 'done' ? theory.endT / theory.timeScale : NaN
  const realJobMs = scenario.shared.d * scenario.shared.timeScale
  const expectedMs = theoryMs * scenario.shared.timeScale
  const hw = machine.hardwareConcurrency
  const threads = effectiveThreads(shown.shared, hw)
  const runsUntilStop = REGISTRY.module(scenario.pattern).continuous?.(scenario.params as never) ?? false
  const hints = [
    stale && { id: 'stale', text: `Settings changed since this run (next run: theory ${formatMs(theoryMs)}). Press Space.` },
    !busy && theory?.status === 'failed' && {
      id: 'theory-failed',
      // the run's notice above already quotes the same message: say only that the theory agrees
      text:
        trace?.status === 'failed' && trace.error === theory.error
          ? `The ideal schedule ends the same way: the program ${theory.error.startsWith('fatal') ? 'deadlocks' : 'fails'}, whatever the machine.`
          : `The ideal schedule ends in ${theory.error.startsWith('fatal') ? 'a deadlock' : 'an error'}: ${theory.error}`,
    },
    // before such a run, not after it (a stopped one is on screen)
    !busy && runsUntilStop && trace === null && { id: 'until-stop', text: 'This run goes on until you press Stop (Space); the axis shows its last 20 s.' },
    trace && busy && saturatesCores(trace) && { id: 'live-fps', text: `Live view at ${SATURATED_FPS} fps: the cpu jobs use every core. Replay (R) is smooth.` },
    !busy && expectedMs > LONG_RUN_MS && { id: 'long-run', text: `This run will take about ${formatMs(expectedMs)}. Stop (Space) ends it at any time; a smaller time scale runs it faster.` },
    theory && usesCpu(theory) && threads > hw && {
      id: 'beyond-cores',
      text: `T = ${threads} on ${hw} cores: ${hw} compute at once, and so does the theory.`,
    },
    !busy && realJobMs < SHORT_JOB_MS && mod.uses(scenario.params as never, scenario.shared).includes('d') && {
      id: 'short-jobs',
      text: `Each job really lasts ${formatMs(realJobMs)}: too short for browser timers, so overhead will show in the ratio. A larger time scale helps.`,
    },
  ].filter((h): h is { id: string; text: string } => Boolean(h))
  const strips = useMemo<StripDef[]>(() => mod.views.flatMap((v) => (v.type === 'strip' ? [{ resource: v.resource, caption: v.caption }] : [])), [mod])
  const stageView = mod.views.find((v) => v.type === 'stages')
  const stages = useMemo(() => (stageView ? stageView.stages(shown) : null), [stageView, shown])
  const rollingView = mod.views.find((v) => v.type === 'rolling')
  const rolling = useMemo(() => (rollingView ? { resource: rollingView.resource, produced: rollingView.produced, consumed: rollingView.consumed } : null), [rollingView])
  const continuous = mod.continuous?.(shown.params as never) ?? false
  const jobsPlanned = trace ? (metrics?.jobsPlanned ?? NaN) : theory ? theory.jobsBegun : NaN
  // the numbers are of a moment of a replay (the timeline's replay cursor, before the run's end)
  const replaying = metrics !== null && Number.isFinite(metrics.replayAt)
  return (
    <div className={`app ${view.settings ? '' : 'no-controls'} main-${view.main}`}>
      <header>
        <h1>
          Go Concurrency <span>at Scale</span>
        </h1>
        <Toolbar />
      </header>
      {view.settings && <Controls />}
      <main>
        <Notices />
        <div className="status-row">
          <StatusLine done={metrics && (trace?.status === 'running' || (replaying && !busy)) ? metrics.jobsDone : NaN} jobs={jobsPlanned} version={version} at={metrics ? metrics.replayAt : NaN} />
          {hints.map((h) => (
            <span key={h.id} className="stale-hint" data-testid={h.id} title={h.text}>
              {h.text}
            </span>
          ))}
        </div>
        <div className="scene-row">
          <SceneNav />
          <div className="lesson-row" data-testid="lesson" title={scene ? scene.lesson : mod.lesson}>
            <b>{scene ? scene.title : mod.title}</b> {scene ? scene.lesson : mod.lesson}
          </div>
        </div>
        {scene && (
          <Loadable what="the talk's claims" fallback={null}>
            <Claims preset={scene} trace={trace} />
          </Loadable>
        )}
        <div className="caption-row">
          <span className="caption" data-testid="caption">
            {mod.summary(shown)}
          </span>
          <Tools hasTrace={trace !== null} />
        </div>
        {/* the timeline's description (its SVG points here with aria-describedby): where its table is */}
        <p id={TIMELINE_ALT_ID} className="sr-only">
          {table && view.main === 'timeline'
            ? 'Its text alternative, a table with a row per goroutine, follows the timeline (“Timeline as a table”).'
            : view.projector
              ? 'Its text alternative is a table with a row per goroutine: the key T shows it (projector mode hides the tools).'
              : 'Its text alternative is a table with a row per goroutine: the Table button in the tools above, or the key T.'}
        </p>
        {/* the run: its views, the legend and the cards (in projector mode on a wide screen, the cards go beside the timeline when it is alone) */}
        <div className={`run-area ${view.main === 'timeline' && !view.code && !table ? 'timeline-only' : ''}`}>
          <div className={`views ${view.code && view.main === 'timeline' ? 'with-code' : ''} ${table && view.main === 'timeline' ? 'with-table' : ''}`}>
            {view.main === 'timeline' && (
              <TimelineView key={`${mod.id}|${strips.map((s) => s.resource).join('|')}`} theory={theory} strips={strips} stages={stages} rolling={rolling} continuous={continuous} hasTrace={trace !== null} />
            )}
            {view.main === 'timeline' && table && (
              <Loadable what="the timeline as a table" fallback={LOADING}>
                <TimelineTable theory={theory} />
              </Loadable>
            )}
            {view.main === 'compare' && (
              <Loadable what="the comparison" fallback={LOADING}>
                <CompareView />
              </Loadable>
            )}
            {view.main === 'sweep' && (
              <Loadable what="the sweep" fallback={LOADING}>
                <SweepView />
              </Loadable>
            )}
            {view.code && view.main === 'timeline' && (
              <Loadable what="the code panel" fallback={LOADING}>
                <CodePanel pattern={shown.pattern} />
              </Loadable>
            )}
          </div>
          <Legend />
          <MetricsPanel trace={trace} metrics={metrics} theory={trace ? runTheory : theory} stale={stale} continuous={continuous} theoryMs={theoryState.ms} />
        </div>
      </main>
      {view.help && (
        <Loadable what="the keys" fallback={null}>
          <HelpDialog />
        </Loadable>
      )}
      {view.scenes && (
        <Loadable what="the scenes of the talk" fallback={null}>
          <SceneList />
        </Loadable>
      )}
      <ManualCopyDialog />
      {view.blank && <button className="blank" data-testid="blank" onClick={() => setView({ blank: false })} aria-label="Blank screen: press to show the page again (or B, or Esc)" autoFocus />}
    </div>
  )
}
