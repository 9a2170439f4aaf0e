import { createStore } from 'zustand/vanilla'
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario'

export type RunStatus = 'ready' | 'starting' | 'running' | 'done' | 'stopped' | 'failed'

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
}

export interface AppState {
  scenario: Scenario
  notices: Notice[]
  status: RunStatus
  /** jobs done of the current run, updated a few times a second */
  progress: number
  playback: Playback
  machine: { hardwareConcurrency: number; isolated: boolean }
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4] as const

export function initialState(scenario: Scenario = DEFAULT_SCENARIO, notices: Notice[] = []): AppState {
  const nav = typeof navigator !== 'undefined' ? navigator : undefined
  return {
    scenario,
    notices,
    status: 'ready',
    progress: 0,
    playback: { mode: 'still', speed: 1, playing: false, anchorT: 0, anchorWall: 0, origin: 0 },
    machine: {
      hardwareConcurrency: nav?.hardwareConcurrency ?? 1,
      isolated: typeof globalThis.crossOriginIsolated === 'boolean' ? globalThis.crossOriginIsolated : false,
    },
  }
}

export const store = createStore<AppState>()(() => initialState())

let noticeId = 1
export function makeNotice(kind: Notice['kind'], text: string): Notice {
  return { id: noticeId++, kind, text }
}
