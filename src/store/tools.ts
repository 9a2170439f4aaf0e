import { compareLabel, compareScenario, presetScenario } from '../core/scenario'
import { REGISTRY } from '../patterns/registry'
import { isBusy, run } from './actions'
import { store } from './app'
import { forgetNotices, notify } from './notices'
import { MAX_PINS, clearPins, labelOf, pin, pinStore } from './pins'
import { planOf } from './theory'
import { traceHub } from './traceHub'
import { setView } from './view'

/** Pins the run on screen (with its ideal schedule) for the compare view. */
export function pinCurrent(): void {
  const tr = traceHub.get()
  if (!tr || tr.status === 'running') {
    notify('info', 'Run something first: a pinned run is a finished (or stopped) run.')
    return
  }
  if (pinStore.getState().pins.some((p) => p.trace === tr)) {
    notify('info', 'This run is pinned already: C shows the pinned runs.')
    return
  }
  pin(tr, traceHub.theory())
}

/**
 * Runs the current scene and the runs it is compared with (up to four in all), one after another,
 * pins each, and shows them stacked on one time axis: the opener's four patterns from one key.
 */
export async function compareAll(): Promise<void> {
  if (isBusy()) return
  const { presetId } = store.getState()
  const preset = presetId ? REGISTRY.preset(presetId) : undefined
  if (!preset || !preset.compare?.length) {
    notify('info', 'This scene has nothing to compare with: pin runs with N and open the compare view with C.')
    return
  }
  // the compared runs first and the scene's own last, as the talk draws them (sequential … pool), so
  // that the scene's own run is the one left on screen
  const runs = [
    ...preset.compare.slice(0, MAX_PINS - 1).map((c) => ({ label: labelFor(c.pattern, compareLabel(c)), scenario: compareScenario(REGISTRY, preset, c) })),
    { label: REGISTRY.module(preset.pattern).title, scenario: presetScenario(REGISTRY, preset) },
  ]
  clearPins()
  setView({ main: 'timeline' })
  for (const r of runs) {
    await run(r.scenario)
    const tr = traceHub.get()
    if (!tr || tr.status !== 'done' || store.getState().presetId !== presetId) return // stopped or moved on
    pin(tr, traceHub.theory(), r.label)
  }
  setView({ main: 'compare' })
}

function labelFor(pattern: string, label: string): string {
  const title = REGISTRY.module(pattern).title
  return label === pattern ? title : `${title} (${label})`
}

/** Opens a trace file (Download trace writes them): it becomes the run on screen, to replay, pin and export. */
export async function openTraceFile(file: File): Promise<void> {
  if (isBusy()) {
    notify('warning', 'Stop the run first, then open the trace.')
    return
  }
  let text: string
  try {
    text = await file.text()
  } catch {
    notify('error', `The file “${file.name.slice(0, 60)}” could not be read.`)
    return
  }
  // the trace reader is loaded the first time a file is opened (the first page stays small)
  const [{ readTraceFile }, { fromRecord }] = await Promise.all([import('../core/traceFile'), import('../core/traceIO')])
  const opened = readTraceFile(text, REGISTRY)
  if ('error' in opened) {
    notify('error', `“${file.name.slice(0, 60)}” could not be opened: ${opened.error}`)
    return
  }
  const trace = fromRecord(opened.trace)
  const theory = opened.theory ? fromRecord(opened.theory) : null
  traceHub.set(trace, theory)
  // a file without a readable ideal schedule gets one, for the machine it was recorded on
  if (!theory) void planOf(trace.scenario, trace.meta.hardwareConcurrency).then((t) => traceHub.get() === trace && traceHub.setTheory(t), () => {})
  forgetNotices('run')
  store.setState((s) => ({
    scenario: trace.scenario,
    presetId: null,
    status: trace.status === 'running' ? 'stopped' : trace.status,
    playback: { ...s.playback, mode: 'still', playing: false },
    view: { ...s.view, main: 'timeline' },
  }))
  notify('info', `Opened ${labelOf(trace)}, recorded ${new Date(trace.meta.startedAt).toLocaleString('en-US')}.${opened.notices.length ? ' ' + opened.notices.join(' ') : ''}`, 'run')
}
