import { use, useDeferredValue, useEffect, useState } from 'react'
import { checkClaim, formatClaimValue as fmt, type ClaimCheck } from '../core/claims'
import { compareLabel, compareScenario, presetScenario, type Preset, type Scenario } from '../core/scenario'
import type { Trace } from '../core/trace'
import { encodeScenario } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import { pinStore } from '../store/pins'
import { loadClaims } from '../store/patternParts'
import { planOf } from '../store/theory'
import { Dialog, DialogHead } from './Dialog'
import { useApp } from './hooks'
import { useStore } from 'zustand'

/** The runs a preset's claims are about: its own (named by its pattern) and those it is compared with. */
function runsOf(preset: Preset): [string, Scenario][] {
  return [[preset.pattern, presetScenario(REGISTRY, preset)], ...(preset.compare ?? []).map((c) => [compareLabel(c), compareScenario(REGISTRY, preset, c)] as [string, Scenario])]
}

const makespan = (tr: Trace) => (tr.status === 'done' ? tr.endT / tr.timeScale : NaN)

/**
 * What the talk says about the current scene, held against the ideal schedule and, where a real run
 * of exactly that scenario is on screen or pinned, against the measurement. Computed, never typed.
 * The claims load with the first scene of a pattern: until another pattern's have loaded, the
 * previous scene's stay (a deferred value), so the row does not blink.
 */
export function Claims({ preset: current, trace }: { preset: Preset; trace: Trace | null }) {
  const preset = useDeferredValue(current)
  const claims = use(loadClaims(preset.pattern))[preset.id] ?? []
  const hw = useApp((s) => s.machine.hardwareConcurrency)
  const pins = useStore(pinStore, (s) => s.pins)
  // the ideal makespans of the runs, for the preset they were computed for (a new preset starts empty)
  const [computed, setComputed] = useState<{ id: string; makespans: Map<string, number> }>({ id: '', makespans: new Map() })
  const theory = computed.id === `${preset.id}|${hw}` ? computed.makespans : new Map<string, number>()
  useEffect(() => {
    let live = true
    void Promise.all(runsOf(preset).map(async ([label, s]) => [label, makespan(await planOf(s, hw))] as const)).then(
      (pairs) => live && setComputed({ id: `${preset.id}|${hw}`, makespans: new Map(pairs) }),
      () => {},
    )
    return () => {
      live = false
    }
  }, [preset, hw])
  const measured = new Map<string, number>()
  const runs = [...pins.map((p) => p.trace), ...(trace ? [trace] : [])]
  for (const [label, s] of runsOf(preset)) {
    const key = encodeScenario(REGISTRY, s)
    const run = runs.findLast((r) => r.status === 'done' && encodeScenario(REGISTRY, r.scenario) === key)
    if (run) measured.set(label, makespan(run))
  }
  const checks: ClaimCheck[] = claims.map((c) => checkClaim(c, preset.pattern, theory, measured)).toSorted((a, b) => ORDER[a.verdict] - ORDER[b.verdict])
  const [open, setOpen] = useState(false)
  if (checks.length === 0) return null
  return (
    <div className="claims-row">
      <button className="tool claims-all" onClick={() => setOpen(true)} title="Every claim of the talk about this scene, beside theory and measurement">
        Talk vs theory ({checks.length})
      </button>
      <ul className="claims" aria-label="What the talk says, against theory and measurement" data-testid="claims">
        {checks.map((c, i) => (
          <li key={i} className={`claim ${c.verdict}`} data-verdict={c.verdict} title={c.text}>
            <span className="claim-says">{c.claim.says}</span>
            <span className="claim-verdict">{verdictText(c)}</span>
          </li>
        ))}
      </ul>
      {open && <ClaimsDialog title={preset.title} checks={checks} close={() => setOpen(false)} />}
    </div>
  )
}

/** What is most worth saying first: where the talk is wrong, then rounded, then exact, then the rest. */
const ORDER: Record<ClaimCheck['verdict'], number> = { wrong: 0, rounded: 1, exact: 2, note: 3, claim: 4 }

const VERDICT_WORDS: Record<ClaimCheck['verdict'], string> = { exact: 'exact', rounded: 'rounded', wrong: 'wrong', note: 'note', claim: 'claim only' }

/** Every claim in full: as the talk states it (in our words), the theory, the measurement, and the verdict. */
function ClaimsDialog({ title, checks, close }: { title: string; checks: ClaimCheck[]; close(): void }) {
  return (
    <Dialog label="The talk against theory and measurement" className="claims-dialog" onClose={close}>
      <DialogHead onClose={close}>{title}: the talk against theory and measurement</DialogHead>
      <table>
        <thead>
          <tr>
            <th>The talk says</th>
            <th>Theory</th>
            <th>Measured</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c, i) => (
            <tr key={i} className={`claim-row ${c.verdict}`}>
              <td>{c.claim.says}</td>
              <td className="num">{Number.isFinite(c.theory) ? fmt(c.theory, c.claim.unit) : '—'}</td>
              <td className="num">{Number.isFinite(c.measured) ? fmt(c.measured, c.claim.unit) : '—'}</td>
              <td>
                <b>{VERDICT_WORDS[c.verdict]}</b>
                {c.text ? `: ${c.text}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog-note">Theory is the same program on a virtual clock; “measured” needs a real run of exactly that scenario (pin runs, or press A on the scene).</p>
    </Dialog>
  )
}

/** A few words: "✓ theory 650 ms · measured 652 ms", "✗ theory 350 ms (talk 8.6 % high)", "claim". */
function verdictText(c: ClaimCheck): string {
  if (c.verdict === 'claim') return 'a claim, not measured'
  // a word, not a symbol: ⓘ is missing from common fonts (a box on a projector's Linux machine)
  if (c.verdict === 'note') return 'a note'
  const unit = c.claim.unit
  const m = Number.isFinite(c.measured) ? ` · measured ${fmt(c.measured, unit)}` : ''
  const mark = c.verdict === 'exact' ? '✓' : c.verdict === 'rounded' ? '≈' : '✗'
  const off = c.verdict === 'wrong' && c.claim.value !== undefined ? ` (talk ${Math.abs(((c.claim.value - c.theory) / c.theory) * 100).toFixed(0)} % ${c.claim.value > c.theory ? 'high' : 'low'})` : ''
  return `${mark} theory ${fmt(c.theory, unit)}${off}${m}`
}
