import { State } from '../core/events'

/** Colours by goroutine state (index = State code). Chosen to stay apart for common colour blindness. */
export const STATE_COLOR: Record<number, string> = {
  [State.Running]: '#1d4ed8',
  [State.Runnable]: '#d97706',
  [State.Io]: '#0d9488',
  [State.BlockedSend]: '#dc2626',
  [State.BlockedRecv]: '#7c3aed',
  [State.Barrier]: '#64748b',
  [State.Active]: '#94a3b8',
}

/** States drawn hatched: the goroutine is waiting, not doing its job. */
export const HATCHED = new Set<number>([State.Runnable, State.BlockedSend, State.BlockedRecv, State.Barrier])

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
