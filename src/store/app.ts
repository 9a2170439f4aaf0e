import { createStore } from 'zustand/vanilla'
import type { ParamValues } from '../core/params'
import { defaultScenario, type Scenario } from '../core/scenario'
import type { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'

export type RunStatus = 'ready' | 'starting' | 'running' | 'stopping' | 'done' | 'stopped' | 'failed'

/** A run is under way (starting, running, or stopping): the settings wait for it. */
export function isBusyStatus(s: RunStatus): boolean {
  return s === 'starting' || s === 'running' || s === 'stopping'
}

/**
 * How the timeline's time cursor moves. `live`: follows the running run. `replay`: plays the recorded
 * trace at `speed` from `anchorT` (real ms since the run's origin) set at `anchorWall` (performance.now()).
 * `still`: shows the whole recorded run.
 */
export interface Playback {
  mode: 'still' | 'live' | 'replay'
  speed: number
  playing: boolean
  anchorT: number
  anchorWall: number
  /** absolute ms of the live run's origin */
  origin: number
}

export interface Notice {
  id: number
  kind: 'info' | 'warning' | 'error'
  text: string
  /**
   * What it is about, when that can end: 'link', what the link in the address bar had to change
   * (replaced when another link is read); 'run', the run on screen (it goes when another run, a
   * scene, a link or a file takes the screen); 'workers', a worker that died between runs (it goes
   * when a run completes on new ones)
   */
  from?: 'link' | 'run' | 'workers'
}

/** The ideal schedule of the current scenario, computed off the main thread. */
export interface TheoryState {
  /** the scenario's key (its link) the trace belongs to */
  key: string
  trace: Trace | null
  computing: boolean
  error: string
  /** ms the theory worker took to compute it (0 when it came from the cache) */
  ms: number
}

/** What the main area shows, and how (presenter's settings; not part of the scenario). */
export interface ViewState {
  main: 'timeline' | 'compare' | 'sweep'
  /** the pattern's Go beside the timeline */
  code: boolean
  /** large type and thick bars for a projector */
  projector: boolean
  /** the screen is blanked (B) */
  blank: boolean
  settings: boolean
  help: boolean
  scenes: boolean
}

export interface AppState {
  view: ViewState
  scenario: Scenario
  /** the preset the scenario started from (links stay relative to it), or null */
  presetId: string | null
  /** each pattern's parameters as last set, so that switching back restores them (keys: registry ids) */
  remembered: Readonly<Record<string, ParamValues>>
  notices: Notice[]
  status: RunStatus
  playback: Playback
  theory: TheoryState
  machine: { hardwareConcurrency: number; isolated: boolean }
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4] as const

export function initialState(scenario: Scenario = defaultScenario(REGISTRY), notices: Notice[] = [], presetId: string | null = null, remembered: Record<string, ParamValues> = {}): AppState {
  const nav = typeof navigator !== 'undefined' ? navigator : undefined
  return {
    view: { main: 'timeline', code: false, projector: false, blank: false, settings: true, help: false, scenes: false },
    scenario,
    presetId,
    remembered,
    notices,
    status: 'ready',
    playback: { mode: 'still', speed: 1, playing: false, anchorT: 0, anchorWall: 0, origin: 0 },
    theory: { key: '', trace: null, computing: false, error: '', ms: 0 },
    machine: {
      hardwareConcurrency: nav?.hardwareConcurrency ?? 1,
      isolated: typeof globalThis.crossOriginIsolated === 'boolean' ? globalThis.crossOriginIsolated : false,
    },
  }
}

export const store = createStore<AppState>()(() => initialState())

let noticeId = 1
/** Notices longer than this are cut (a hostile link must not fill the screen). */
export const MAX_NOTICE_CHARS = 600

export function makeNotice(kind: Notice['kind'], text: string): Notice {
  const bounded = text.length > MAX_NOTICE_CHARS ? text.slice(0, MAX_NOTICE_CHARS - 1) + '…' : text
  return { id: noticeId++, kind, text: bounded }
}
