import { REGISTRY } from '../patterns/registry'
import { runOrStop, stepSpeed, stop } from '../store/actions'
import { stepScene } from '../store/deck'
import { setPattern } from '../store/settings'
import { stepEvent, stepTime } from '../store/stepping'
import { closeDialogs, toggleFullscreen, toggleMain, toggleView } from '../store/view'
import { toggleTable } from './tableView'

/** Actions the keys reach that depend on what is on screen (the compare view replays its own runs). */
export interface ToolKeys {
  pin(): void
  compareAll(): void
  replay(): void
  togglePause(): void
}

/** Keys that belong to the focused control: text entry, or a slider's own arrow keys. */
function ownedByControl(e: KeyboardEvent): boolean {
  const t = e.target
  if (!(t instanceof HTMLElement)) return false
  if (t instanceof HTMLInputElement) return t.type === 'range' ? e.key.startsWith('Arrow') || e.key.startsWith('Page') || e.key === 'Home' || e.key === 'End' : t.type !== 'checkbox'
  return t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable
}

/**
 * Controls that Enter and Space press: a focused button, menu item, link, summary (the Export
 * menu), checkbox or switch acts on them itself, so the presenter keys leave them alone.
 */
const PRESSABLE = 'button, summary, a[href], input[type="checkbox"], input[type="radio"], [role="button"], [role="menuitem"], [role="switch"], [role="radio"], [role="checkbox"], [role="tab"]'

function pressable(t: EventTarget | null): boolean {
  return t instanceof Element && t.closest(PRESSABLE) !== null
}

/** Whether the last input was a pointer (mouse, touch, pen) rather than a key: see releaseAfterPointer. */
let lastInputPointer = false
const onPointerInput = () => {
  lastInputPointer = true
}
const onKeyInput = () => {
  lastInputPointer = false
}

/**
 * After a choice made with the pointer (a select's option), hands the keyboard back to the
 * presenter keys, so that Space runs. A choice made with the keyboard keeps the focus where it is:
 * a closed select changes its value on each ↑ ↓, and taking the focus away after the first would
 * strand a keyboard user.
 */
export function releaseAfterPointer(el: HTMLElement): void {
  if (lastInputPointer) el.blur()
}

/**
 * Presenter keys (clickers send ← → and PageUp / PageDown). Returns the listener's remover. The
 * help (?) lists them: KEYS in Dialogs.tsx, to keep in step with this.
 */
export function installKeyboard(tools: ToolKeys): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || ownedByControl(e)) return
    const k = e.key
    // Enter and Space on a focused button belong to that button
    if ((k === 'Enter' || k === ' ') && pressable(e.target)) return
    if (k === ' ') runOrStop(e.repeat)
    else if (k === 'Escape') {
      if (!closeDialogs()) void stop()
    } else if (k === 'ArrowLeft' || k === 'ArrowRight') {
      if (e.shiftKey) stepTime(k === 'ArrowLeft' ? -0.05 : 0.05)
      else stepScene(k === 'ArrowLeft' ? -1 : 1)
    } else if (k === 'PageUp' || k === 'PageDown') stepScene(k === 'PageUp' ? -1 : 1)
    else if (k === ',' || k === '.') stepEvent(k === ',' ? -1 : 1)
    else if (k === 'r' || k === 'R') tools.replay()
    else if (k === 'k' || k === 'K') tools.togglePause()
    else if (k === '[') stepSpeed(-1)
    else if (k === ']') stepSpeed(1)
    else if (k >= '1' && k <= '9' && Number(k) <= REGISTRY.modules.length) setPattern(REGISTRY.modules[Number(k) - 1].id)
    else if (k === 'a' || k === 'A') tools.compareAll()
    else if (k === 'n' || k === 'N') tools.pin()
    else if (k === 'c' || k === 'C') toggleMain('compare')
    else if (k === 'g' || k === 'G') toggleView('code')
    else if (k === 't' || k === 'T') toggleTable()
    else if (k === 'p' || k === 'P') toggleView('projector')
    else if (k === 'f' || k === 'F') toggleFullscreen()
    else if (k === 'b' || k === 'B') toggleView('blank')
    else if (k === 'h' || k === 'H') toggleView('settings')
    else if (k === '?') toggleView('help')
    else return
    e.preventDefault()
  }
  // a button clicked with the pointer hands the keyboard back to the presenter keys (Space runs);
  // one reached with Tab keeps its focus, so Enter and Space press it
  const onClick = (e: MouseEvent) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null
    if (b && e.detail > 0) b.blur()
  }
  window.addEventListener('keydown', onKey)
  window.addEventListener('click', onClick)
  // capture: seen before any control handles (or stops) the event
  window.addEventListener('pointerdown', onPointerInput, true)
  window.addEventListener('keydown', onKeyInput, true)
  return () => {
    window.removeEventListener('keydown', onKey)
    window.removeEventListener('click', onClick)
    window.removeEventListener('pointerdown', onPointerInput, true)
    window.removeEventListener('keydown', onKeyInput, true)
  }
}
