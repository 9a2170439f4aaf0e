import { useRef } from 'react'
import { dismissNotice } from '../store/notices'
import { useApp } from './hooks'

export function Notices() {
  const notices = useApp((s) => s.notices)
  const box = useRef<HTMLDivElement>(null)
  // dismissed from the keyboard: the focus moves on to the next notice's Dismiss (if there is one)
  const dismiss = (id: number, byKeyboard: boolean) => {
    dismissNotice(id)
    if (byKeyboard) requestAnimationFrame(() => box.current?.querySelector<HTMLButtonElement>('.notice button')?.focus())
  }
  // always in the page, empty or not: a live region that appears with its text is often not read
  return (
    <div className="notices" role="status" aria-live="polite" aria-relevant="additions text" ref={box}>
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid="notice" data-from={n.from}>
          <span id={`notice-${n.id}`}>{n.text}</span>
          <button onClick={(e) => dismiss(n.id, e.detail === 0)} aria-label="Dismiss" aria-describedby={`notice-${n.id}`} title="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
