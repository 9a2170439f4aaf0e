import { lazy, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useStore } from 'zustand'
import { isBusyStatus } from '../store/app'
import { runExport, type ExportName } from '../store/exportActions'
import { onManualCopy } from '../store/manualCopy'
import { pinStore } from '../store/pins'
import { openTraceFile, pinCurrent } from '../store/tools'
import { toggleMain, toggleView } from '../store/view'
import { useApp } from './hooks'
import { Loadable } from './Loadable'
import { toggleTable, useTableOpen } from './tableView'

/** The Export menu's items. */
const EXPORTS: readonly { label: string; hint: string; act: ExportName }[] = [
  { label: 'Copy as ASCII', hint: 'a text timeline, like the talk’s diagrams', act: 'copyAscii' },
  { label: 'Copy SVG', hint: 'the timeline (or the compare view) as SVG', act: 'copySvg' },
  { label: 'Save PNG', hint: 'at twice the size, for slides', act: 'savePng' },
]

/** Pin, the views, the exports for slides, and Open trace. */
export function Tools({ hasTrace }: { hasTrace: boolean }) {
  const view = useApp((s) => s.view)
  const status = useApp((s) => s.status)
  const pins = useStore(pinStore, (s) => s.pins.length)
  const busy = isBusyStatus(status)
  const table = useTableOpen()
  const file = useRef<HTMLInputElement>(null)
  const menu = useRef<HTMLDetailsElement>(null)
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])]
  const closeMenu = (focusSummary: boolean) => {
    if (!menu.current) return
    menu.current.open = false
    if (focusSummary) menu.current.querySelector('summary')?.focus()
  }
  // a menu's keys: ↑ ↓ Home End move between its items, Esc closes it and goes back to Export
  const onMenuKey = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (!menu.current?.open) return
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      closeMenu(true)
      return
    }
    const list = items()
    const i = list.indexOf(document.activeElement as HTMLElement)
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? (i < 0 ? list.length - 1 : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : undefined
    if (next === undefined || list.length === 0) return
    e.preventDefault()
    e.stopPropagation()
    list[(next + list.length) % list.length].focus()
  }
  // opened from the keyboard: the first item takes the focus; a click outside closes it
  const onMenuToggle = () => {
    const m = menu.current
    if (!m?.open) return
    if (m.querySelector('summary')?.matches(':focus-visible')) items()[0]?.focus()
    const outside = (e: PointerEvent) => {
      if (!m.contains(e.target as Node)) closeMenu(false)
    }
    document.addEventListener('pointerdown', outside)
    m.addEventListener('toggle', () => document.removeEventListener('pointerdown', outside), { once: true })
  }
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
      <button
        className={`tool ${table ? 'on' : ''}`}
        aria-pressed={table}
        onClick={toggleTable}
        title="The timeline as a table: per goroutine, its jobs and the time in each state (T)"
        data-testid="table-toggle"
        disabled={view.main !== 'timeline'}
      >
        Table
      </button>
      <details className="menu" ref={menu} onKeyDown={onMenuKey} onToggle={onMenuToggle}>
        <summary className="tool" aria-haspopup="menu">
          Export
        </summary>
        <div className="menu-items" role="menu" aria-label="Export">
          {EXPORTS.map(({ label, hint, act }) => (
            <button
              key={label}
              role="menuitem"
              className="tool"
              disabled={busy}
              title={hint}
              onClick={(e) => {
                closeMenu(e.detail === 0)
                void runExport(act)
              }}
            >
              {label}
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

// the dialog with the text to copy by hand loads when first needed
const ManualCopy = lazy(() => import('./Dialogs').then((m) => ({ default: m.ManualCopy })))

/** When the clipboard is refused: the text in a dialog, selected, to copy by hand. */
export function ManualCopyDialog() {
  const [open, setOpen] = useState(false)
  useEffect(() => onManualCopy(() => setOpen(true)), [])
  if (!open) return null
  return (
    <Loadable what="the text to copy" fallback={null}>
      <ManualCopy onClose={() => setOpen(false)} />
    </Loadable>
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
