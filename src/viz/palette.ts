import { State } from '../core/events'

/**
 * Colours by goroutine state (index = State code). The six states of the legend stay apart under
 * protanopia, deuteranopia and tritanopia (CIEDE2000 ≥ 15 between every pair after a Machado 2009
 * simulation; palette.test.ts holds them to it), the two that carry white job labels (running, io)
 * are dark enough for 4.5:1 text, and every fill has 3:1 against the white panel. Hatching separates
 * waiting from working whatever the colour.
 */
export const STATE_COLOR: Record<number, string> = {
  [State.Running]: '#1e3a8a',
  [State.Runnable]: '#d97706',
  [State.Io]: '#047857',
  [State.BlockedSend]: '#b91c1c',
  [State.BlockedRecv]: '#7c3aed',
  [State.Barrier]: '#7c8799',
  [State.Active]: '#94a3b8',
  [State.Waking]: '#93c5fd',
  [State.Sleep]: '#a3a3a3',
  [State.Acquire]: '#b45309',
  [State.Select]: '#9333ea',
}

/** Text drawn on bars (job labels on running and io bars). */
export const BAR_TEXT_COLOR = '#ffffff'

/** The panel the timeline is drawn on. */
export const PANEL_COLOR = '#ffffff'

/** States drawn hatched: the goroutine is waiting, not doing its job. */
export const HATCHED = new Set<number>([State.Runnable, State.BlockedSend, State.BlockedRecv, State.Barrier, State.Acquire, State.Select])

export const LEGEND: { state: number; label: string; hint: string }[] = [
  { state: State.Running, label: 'running on a thread', hint: 'cpu work holding a thread' },
  { state: State.Runnable, label: 'runnable', hint: 'wants cpu, waits for a free thread' },
  { state: State.Io, label: 'waiting on io', hint: 'a real wait that holds no thread' },
  { state: State.BlockedSend, label: 'blocked on send', hint: 'channel buffer full / no receiver' },
  { state: State.BlockedRecv, label: 'blocked on receive', hint: 'channel empty' },
  { state: State.Barrier, label: 'waiting at barrier', hint: 'wg.Wait()' },
]

export const GHOST_FILL = 'rgba(100, 116, 139, 0.16)'
export const GHOST_STROKE = 'rgba(71, 85, 105, 0.55)'
/** theory drawn over measured bars: dark enough to read on every state colour */
export const GHOST_OUTLINE = 'rgba(15, 23, 42, 0.75)'
export const AXIS_COLOR = '#334155'
export const BARRIER_COLOR = '#0f172a'
export const CURSOR_COLOR = '#e11d48'
export const HANDOFF_COLOR = '#7c3aed'
export const FAIL_COLOR = '#b91c1c'
export const HIGHLIGHT_COLOR = '#b45309'
export const GROUP_BAND = ['rgba(148, 163, 184, 0.10)', 'rgba(148, 163, 184, 0.22)'] as const
