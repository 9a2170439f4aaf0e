import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { copyAscii, copySvg, manualCopy, onManualCopy, savePng } from '../store/exports'
import { isBusyStatus } from '../store/app'
import { pinStore } from '../store/pins'
import { openTraceFile, pinCurrent } from '../store/tools'
import { toggleMain, toggleView } from '../store/view'
import { useApp } from './hooks'

/** Pin, the views, the exports for slides, and Open trace. */
export function Tools({ hasTrace }: { hasTrace: boolean }) {
  const view = useApp((s) => s.view)
  const status = useApp((s) => s.status)
  const pins = useStore(pinStore, (s) => s.pins.length)
  const busy = isBusyStatus(status)
  const file = useRef<HTMLInputElement>(null)
  const menu = useRef<HTMLDetailsElement>(null)
  return (
    <div className="tools" role="toolbar" aria-label="Tools">
      <button className="tool" onClick={pinCurrent} disabled={busy || !hasTrace} title="Keep this run for the compare view (N)" data-testid="pin">
        Pin run
      </button>
      <button className={`tool ${view.main === 'compare' ? 'on' : ''}`} aria-pressed={view.main === 'compare'} onClick={() => toggleMain('compare')} title="The pinned runs on one time axis (C)" data-testid="compare">
        Compare{pins ? ` (${pins})` : ''}
      </button>
      <button className={`tool ${view.main === 'sweep' ? 'on' : ''}`} aria-pressed={view.main === 'sweep'} onClick={() => toggleMain('sweep')} title="Makespan over a range of one setting" data-testid="sweep">
        Sweep
      </button>
      <button className={`tool ${view.code ? 'on' : ''}`} aria-pressed={view.code} onClick={() => toggleView('code')} title="The pattern as Go, in step with the run (G)" data-testid="code">
        Go code
      </button>
      <details className="menu" ref={menu}>
        <summary className="tool">Export</summary>
        <div className="menu-items" role="menu">
          {[
            ['Copy as ASCII', 'a text timeline, like the talk’s diagrams', copyAscii],
            ['Copy SVG', 'the timeline (or the compare view) as SVG', copySvg],
            ['Save PNG', 'at twice the size, for slides', savePng],
          ].map(([label, hint, act]) => (
            <button
              key={label as string}
              role="menuitem"
              className="tool"
              disabled={busy}
              title={hint as string}
              onClick={() => {
                if (menu.current) menu.current.open = false
                void (act as () => Promise<void>)()
              }}
            >
              {label as string}
            </button>
          ))}
        </div>
      </details>
      <button className="tool" onClick={() => file.current?.click()} disabled={busy} title="A trace saved with Download trace (or drop the file on the page)">
        Open trace
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-trace"
        onChange={(e) => {
          const f = e.target.files?.[0]
          if (f) void openTraceFile(f)
          e.target.value = ''
        }}
      />
    </div>
  )
}

/** When the clipboard is refused: the text in a dialog, selected, to copy by hand. */
export function ManualCopyDialog() {
  const [open, setOpen] = useState(false)
  useEffect(() => onManualCopy(() => setOpen(true)), [])
  if (!open) return null
  return (
    <div className="dialog-backdrop" onClick={() => setOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={`${manualCopy.kind} to copy`} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
        <div className="dialog-head">
          <h2>{manualCopy.kind}: copy it from here</h2>
          <button className="tool" onClick={() => setOpen(false)} aria-label="Close">
            ×
          </button>
        </div>
        <p>The browser did not allow the page to write to the clipboard. The text is selected: press Ctrl+C (⌘C).</p>
        <textarea className="manual-copy" readOnly value={manualCopy.text} autoFocus onFocus={(e) => e.target.select()} />
      </div>
    </div>
  )
}

/** Dropping a trace file anywhere on the page opens it. */
export function useTraceDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      const f = e.dataTransfer?.files?.[0]
      if (!f) return
      e.preventDefault()
      void openTraceFile(f)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}
