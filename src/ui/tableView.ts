import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

/** Whether the timeline's table is shown (a view setting, like the code panel; not part of the scenario). */
export const tableStore = createStore<{ open: boolean }>()(() => ({ open: false }))

export function toggleTable(): void {
  tableStore.setState((s) => ({ open: !s.open }))
}

export function useTableOpen(): boolean {
  return useStore(tableStore, (s) => s.open)
}

/** The id of the short text that says where the timeline's text alternative is. */
export const TIMELINE_ALT_ID = 'timeline-alt'
