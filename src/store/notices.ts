import { makeNotice, store, type Notice } from './app'

/** At most this many notices are on screen; older ones go first. */
export const MAX_NOTICES_SHOWN = 4

export function notify(kind: Notice['kind'], text: string, from?: Notice['from']): void {
  const notices = store.getState().notices.filter((n) => n.text !== text)
  const notice = makeNotice(kind, text)
  store.setState({ notices: [...notices, from ? { ...notice, from } : notice].slice(-MAX_NOTICES_SHOWN) })
}

/** Takes away the notices about `from` (see Notice.from): what they said no longer holds. */
export function forgetNotices(from: NonNullable<Notice['from']>): void {
  const { notices } = store.getState()
  if (notices.some((n) => n.from === from)) store.setState({ notices: notices.filter((n) => n.from !== from) })
}

export function dismissNotice(id: number): void {
  store.setState({ notices: store.getState().notices.filter((n) => n.id !== id) })
}
