import { createStore } from 'zustand/vanilla'

/**
 * What the pointer is on and which code line is picked: shared by the timeline (which sets the
 * hovered segment and dims bars off the picked line) and the code panel (which marks lines).
 */
export interface Focus {
  /** segment under the pointer (−1: none) and its lane */
  segment: number
  lane: number
  /** the code line picked in the code panel (−1: none): bars spent on it stand out */
  line: number
}

export const focusStore = createStore<Focus>()(() => ({ segment: -1, lane: -1, line: -1 }))

export function setHover(segment: number, lane: number): void {
  const f = focusStore.getState()
  if (f.segment !== segment || f.lane !== lane) focusStore.setState({ segment, lane })
}

export function pickLine(line: number): void {
  focusStore.setState({ line: focusStore.getState().line === line ? -1 : line })
}
