import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: focus moves into it when it opens (to the element marked `data-autofocus`, else
 * the first control), Tab stays inside, Esc and a click on the backdrop close it, and focus goes
 * back to where it was when it closes, if a keyboard had put it there (after a pointer click the
 * page keeps no focus, so that Space runs again).
 */
export function Dialog({ label, className, onClose, children }: { label: string; className?: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  }, [onClose])
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    const byKeyboard = opener?.matches(':focus-visible') ?? false
    const el = ref.current
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE) ?? el
    first?.focus()
    return () => {
      if (opener && byKeyboard && opener.isConnected) opener.focus()
      else if (document.activeElement instanceof HTMLElement && el?.contains(document.activeElement)) document.activeElement.blur()
    }
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // the dialog's own Esc: the presenter keys (Esc also stops a run) do not see it
      e.stopPropagation()
      e.preventDefault()
      close.current()
      return
    }
    if (e.key !== 'Tab' || !ref.current) return
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement)
    if (items.length === 0) return
    const first = items[0]
    const last = items[items.length - 1]
    if (e.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }
  return (
    <div className="dialog-backdrop" onClick={() => close.current()}>
      <div ref={ref} className={`dialog ${className ?? ''}`} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} onClick={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  )
}

/** The dialog's heading row with its close button (focused first). */
export function DialogHead({ children, onClose }: { children: ReactNode; onClose(): void }) {
  return (
    <div className="dialog-head">
      <h2>{children}</h2>
      <button className="tool" onClick={onClose} aria-label="Close" data-autofocus>
        ×
      </button>
    </div>
  )
}
