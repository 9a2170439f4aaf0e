import { dismissNotice } from '../store/notices'
import { useApp } from './hooks'

export function Notices() {
  const notices = useApp((s) => s.notices)
  if (notices.length === 0) return null
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid="notice" data-from={n.from}>
          <span>{n.text}</span>
          <button onClick={() => dismissNotice(n.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
