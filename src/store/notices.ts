import { makeNotice, store, type Notice } from './app'

/** At most this many notices are on screen; older ones go first. */
export const MAX_NOTICES_SHOWN = 4

export function notify(kind: Notice['kind'], text: string): void {
  const notices = store.getState().notices.filter((n) => n.text !== text)
  store.setState({ notices: [...notices, makeNotice(kind, text)].slice(-MAX_NOTICES_SHOWN) })
}

export function dismissNotice(id: number): void {
  store.setState({ notices: store.getState().notices.filter((n) => n.id !== id) })
}
