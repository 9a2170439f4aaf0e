import { expectedWork } from '../core/metrics'
import type { Scenario } from '../core/scenario'
import { effectiveThreads } from '../core/shared'
import { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { WorkerDied } from '../runtime/engine'
import { SPEEDS, isBusyStatus, store } from './app'
import { forgetNotices, notify } from './notices'
import { currentEngine, getEngine } from './engine'
import { cursorTime } from './playback'
import { planOf } from './theory'
import { traceHub } from './traceHub'

/** A run that goes on until Stop keeps this much scenario time in detail (memory stays flat). */
export const RETAIN_MS = 60_000

/** Stop was pressed before the run was handed to the scheduler (workers starting, or the setup frame) */
let stopBeforeStart = false
/** A run is on screen as running but not yet handed to the scheduler (its setup frame is being drawn) */
let settingUp = false
/** The run under way: a run that was left (a new scene was opened) no longer touches the status. */
let generation = 0
/** A Run pressed while the last run was stopping: it starts as soon as that run has ended. */
let queued: { only?: Scenario; started: () => void } | null = null

export function isBusy(): boolean {
  return isBusyStatus(store.getState().status)
}

/**
 * Runs the current scenario (or `only`, leaving the settings as they are) for real; the trace
 * streams into traceHub while it runs. Resolves when the run has ended. Pressed while the last run
 * is stopping, it waits for that and then runs (a Run is never lost); while a run is starting or
 * running it does nothing.
 */
export function run(only?: Scenario): Promise<void> {
  const status = store.getState().status
  if (status === 'stopping') {
    // the latest Run wins; an earlier queued one resolves at once, as if pressed during the run
    queued?.started()
    return new Promise((resolve) => {
      queued = { only, started: resolve }
    })
  }
  if (isBusyStatus(status)) return Promise.resolve()
  return start(only)
}

async function start(only?: Scenario): Promise<void> {
  const my = ++generation
  const mine = () => my === generation
  const { machine } = store.getState()
  const scenario = only ?? store.getState().scenario
  const threads = effectiveThreads(scenario.shared, machine.hardwareConcurrency)
  store.setState({ status: 'starting' })
  stopBeforeStart = false
  let trace: Trace | null = null
  try {
    const eng = getEngine()
    await eng.ensureThreads(threads)
    if (stopBeforeStart) {
      if (mine()) store.setState({ status: 'stopped' })
      return
    }
    trace = new Trace(scenario, {
      threads,
      hardwareConcurrency: machine.hardwareConcurrency,
      crossOriginIsolated: machine.isolated,
      itersPerMs: eng.cpuRate,
      startedAt: Date.now(),
      source: 'measured',
    })
    if (REGISTRY.module(scenario.pattern).continuous?.(scenario.params as never)) trace.retainMs = RETAIN_MS * scenario.shared.timeScale
    const theory = store.getState().theory
    // the last run leaves the screen, and what was said about it goes with it
    forgetNotices('run')
    traceHub.set(trace, !only && theory.trace && theory.trace.scenario === scenario ? theory.trace : null)
    if (!traceHub.theory()) {
      // the ideal schedule is still being computed: it joins the run when it is ready
      const live = trace
      void planOf(scenario, machine.hardwareConcurrency).then((t) => traceHub.get() === live && traceHub.setTheory(t), () => {})
    }
    const live = trace
    // The page redraws for the new run (the status "Running…", cards, an empty timeline) before
    // the run begins, not on the cores its first jobs are measured on. The cursor waits at 0 until
    // the run's origin is known (an origin in the future reads as 0).
    settingUp = true
    store.setState((s) => ({ status: 'running', playback: { ...s.playback, mode: 'live', playing: true, origin: Infinity } }))
    await afterNextFrame()
    settingUp = false
    if (stopBeforeStart) {
      trace.finish('stopped', 0)
      traceHub.touch()
      if (mine()) store.setState((s) => ({ status: 'stopped', playback: { ...s.playback, mode: 'still', playing: false } }))
      return
    }
    const planned = traceHub.theory()
    const { cpu } = expectedWork(scenario, planned && planned.scenario === scenario ? planned : null)
    const handle = await eng.run(scenario, threads, (batch) => traceHub.push(batch, live), cpu)
    trace.meta.itersPerMs = handle.itersPerMs
    if (mine()) {
      // Stop pressed while the run was being handed to the scheduler: it stops now
      if (store.getState().status === 'stopping') void eng.stop().catch(() => {})
      // only the clock: the page already shows the run (nothing else redraws while its first jobs run)
      store.setState((s) => ({ playback: { ...s.playback, origin: handle.origin } }))
    }
    const error = await handle.ended
    if (traceHub.get() === trace) traceHub.flush()
    if (error && mine()) {
      trace.error = error
      notify('error', `The run failed: ${error}`, 'run')
    }
    if (mine()) {
      // the threads that died before this run were replaced: it says so by completing
      if (trace.status === 'done') forgetNotices('workers')
      store.setState((s) => ({
        status: trace?.status === 'running' ? 'failed' : (trace?.status ?? 'failed'),
        playback: { ...s.playback, mode: 'still', playing: false },
      }))
    }
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e)
    if (trace && trace.status === 'running') {
      trace.finish('failed', trace.lastT, text)
      traceHub.touch()
    }
    if (mine()) {
      // a worker that died has said so already (engine.ts: WorkerDied)
      if (!(e instanceof WorkerDied)) notify('error', `The run could not complete: ${text}`, 'run')
      store.setState((s) => ({ status: 'failed', playback: { ...s.playback, mode: 'still', playing: false } }))
    }
  } finally {
    if (mine()) {
      stopBeforeStart = false
      settingUp = false
    }
    const next = queued
    queued = null
    if (next) void run(next.only).then(next.started)
  }
}

/**
 * Resolves once the page has drawn its next frame (a task after the frame's animation callbacks),
 * or at once in a hidden tab, which draws no frames; never later than FRAME_WAIT_MS.
 */
function afterNextFrame(): Promise<void> {
  if (typeof document === 'undefined' || document.visibilityState === 'hidden') return Promise.resolve()
  return new Promise((resolve) => {
    let done = false
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(finish, FRAME_WAIT_MS)
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => {
        ch.port1.close()
        finish()
      }
      ch.port2.postMessage(null)
    })
  })
}
const FRAME_WAIT_MS = 100

/** Stops the current run at once; what was recorded stays on screen. A second Stop does nothing more. */
export async function stop(): Promise<void> {
  const status = store.getState().status
  const engine = currentEngine()
  if ((status !== 'starting' && status !== 'running') || !engine) return
  if (status === 'starting' || settingUp) stopBeforeStart = true
  store.setState({ status: 'stopping' })
  await engine.stop().catch(() => {}) // a scheduler that died ends the run itself
}

/**
 * Leaves the run under way (a new scene or pattern was opened): it is stopped, and its end no
 * longer changes the status or the run on screen.
 */
export function abandonRun(): void {
  if (!isBusy()) return
  void stop()
  generation++
  queued?.started()
  queued = null
}

/**
 * Run / Stop from one control (the button, Space). `repeat` marks the second press of a double
 * click (a click's `detail` ≥ 2) or a held key's auto-repeat: it is one press, so a double click on
 * Stop never starts a new run, and a double click on Run never stops the run it started.
 */
export function runOrStop(repeat = false): void {
  if (repeat) return
  const status = store.getState().status
  if (status === 'starting' || status === 'running') void stop()
  else void run()
}

function traceEnd(): number {
  const tr = traceHub.get()
  return tr ? tr.end : 0
}

/** Replays the recorded trace from the start (nothing is re-run). */
export function replay(): void {
  if (isBusy() || !traceHub.get()) return
  store.setState((s) => ({ playback: { ...s.playback, mode: 'replay', playing: true, anchorT: 0, anchorWall: performance.now() } }))
}

export function togglePause(): void {
  const { playback } = store.getState()
  if (playback.mode === 'still') return replay()
  if (playback.mode !== 'replay') return
  const now = performance.now()
  const t = cursorTime(playback, traceEnd(), now)
  const atEnd = t >= traceEnd()
  store.setState({
    playback: { ...playback, playing: !playback.playing, anchorT: playback.playing ? t : atEnd ? 0 : t, anchorWall: now },
  })
}

export function setSpeed(speed: number): void {
  const { playback } = store.getState()
  const now = performance.now()
  const t = cursorTime(playback, traceEnd(), now)
  store.setState({ playback: { ...playback, speed, anchorT: playback.mode === 'replay' ? t : playback.anchorT, anchorWall: now } })
}

export function stepSpeed(dir: 1 | -1): void {
  const cur = store.getState().playback.speed
  const i = SPEEDS.findIndex((s) => s >= cur)
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? SPEEDS.length - 1 : i) + dir))]
  setSpeed(next)
}

/** Moves the replay cursor to real time `t` (ms since the run's origin). */
export function seek(t: number): void {
  if (isBusy() || !traceHub.get()) return
  const { playback } = store.getState()
  const clamped = Math.min(Math.max(0, t), traceEnd())
  store.setState({
    playback: { ...playback, mode: 'replay', anchorT: clamped, anchorWall: performance.now(), playing: playback.mode === 'replay' && playback.playing },
  })
}

/**
 * Starts the workers and calibrates the cpu rate ahead of the first Run, so that the first run is
 * not slowed by it and the app keeps working if the network goes away after the page has loaded.
 */
export async function warmUp(): Promise<void> {
  const { scenario, machine } = store.getState()
  if (!machine.isolated) {
    notify(
      'info',
      'This page is not cross-origin isolated (it needs the COOP and COEP headers): timers are coarser, and Stop has to restart the threads instead of signalling them. Serve it with npm start or npm run preview; a build on a host without those headers gets them from its service worker once it has loaded (see Deploy in the README).',
    )
  }
  try {
    await getEngine().ensureThreads(effectiveThreads(scenario.shared, machine.hardwareConcurrency))
  } catch (e) {
    if (!(e instanceof WorkerDied)) notify('error', `Could not start the workers: ${e instanceof Error ? e.message : String(e)}`, 'workers')
  }
}

