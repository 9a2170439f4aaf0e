import type { Scenario } from '../core/scenario'
import { effectiveThreads } from '../core/shared'
import { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { SPEEDS, store } from './app'
import { notify } from './notices'
import { liveRefreshMs } from './pace'
import { currentEngine, getEngine } from './engine'
import { cursorTime } from './playback'
import { planOf } from './theory'
import { traceHub } from './traceHub'

/** A run that goes on until Stop keeps this much scenario time in detail (memory stays flat). */
export const RETAIN_MS = 60_000

/** Stop was pressed while the workers were still being set up for a run */
let stopBeforeStart = false

export function isBusy(): boolean {
  const st = store.getState().status
  return st === 'starting' || st === 'running'
}

/**
 * Runs the current scenario (or `only`, leaving the settings as they are) for real; the trace
 * streams into traceHub while it runs. Resolves when the run has ended.
 */
export async function run(only?: Scenario): Promise<void> {
  if (isBusy()) return
  const { machine } = store.getState()
  const scenario = only ?? store.getState().scenario
  const threads = effectiveThreads(scenario.shared, machine.hardwareConcurrency)
  const eng = getEngine()
  store.setState({ status: 'starting', progress: 0 })
  stopBeforeStart = false
  let trace: Trace | null = null
  try {
    await eng.ensureThreads(threads)
    if (stopBeforeStart) {
      store.setState({ status: 'stopped' })
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
    traceHub.set(trace, !only && theory.trace && theory.trace.scenario === scenario ? theory.trace : null)
    if (!traceHub.theory()) {
      // the ideal schedule is still being computed: it joins the run when it is ready
      const live = trace
      void planOf(scenario, machine.hardwareConcurrency).then((t) => traceHub.get() === live && traceHub.setTheory(t), () => {})
    }
    const handle = await eng.run(scenario, threads, (batch) => traceHub.push(batch))
    trace.meta.itersPerMs = handle.itersPerMs
    store.setState((s) => ({ status: 'running', playback: { ...s.playback, mode: 'live', playing: true, origin: handle.origin } }))
    const live = trace
    const progress = setInterval(() => store.setState({ progress: live.jobsDone }), liveRefreshMs(live, 250))
    const error = await handle.ended
    clearInterval(progress)
    traceHub.flush()
    if (error) {
      trace.error = error
      notify('error', `The run failed: ${error}`)
    }
    store.setState((s) => ({
      status: trace?.status === 'running' ? 'failed' : (trace?.status ?? 'failed'),
      progress: trace?.jobsDone ?? 0,
      playback: { ...s.playback, mode: 'still', playing: false },
    }))
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e)
    if (trace) {
      trace.finish('failed', trace.lastT, text)
      traceHub.touch()
    }
    notify('error', `The run could not complete: ${text}`)
    store.setState((s) => ({ status: 'failed', playback: { ...s.playback, mode: 'still', playing: false } }))
  }
}

/** Stops the current run at once; what was recorded stays on screen. */
export async function stop(): Promise<void> {
  const engine = currentEngine()
  if (!isBusy() || !engine) return
  if (store.getState().status === 'starting') stopBeforeStart = true
  await engine.stop()
}

export function runOrStop(): void {
  if (isBusy()) void stop()
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
    notify('error', `Could not start the workers: ${e instanceof Error ? e.message : String(e)}`)
  }
}

