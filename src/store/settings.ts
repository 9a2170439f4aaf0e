import { checkNumber, type NumberSpec, type ParamSpec, type ParamValue } from '../core/params'
import { paramsFrom, presetScenario } from '../core/scenario'
import { SHARED_BY_KEY, type SharedKey } from '../core/shared'
import { REGISTRY } from '../patterns/registry'
import { store } from './app'
import { abandonRun, isBusy } from './actions'
import { forgetNotices, notify } from './notices'
import { traceHub } from './traceHub'

/** Changing settings: every value is checked against its spec; what had to change is said in a notice. */

function checked(spec: ParamSpec, raw: ParamValue, current: ParamValue): ParamValue {
  if (spec.type !== 'number') return raw
  const c = checkNumber(spec as NumberSpec, typeof raw === 'number' ? raw : NaN, current as number)
  if (c.notice) notify('warning', c.notice)
  return c.value
}

export function setShared(key: SharedKey, raw: ParamValue): void {
  const spec = SHARED_BY_KEY.get(key)
  if (!spec) return
  const s = store.getState().scenario
  const value = checked(spec, raw, s.shared[key])
  if (value !== s.shared[key]) store.setState({ scenario: { ...s, shared: { ...s.shared, [key]: value } } })
}

/** Sets one of the current pattern's parameters (lists are checked field by field). */
export function setParam(key: string, raw: ParamValue): void {
  const s = store.getState().scenario
  const mod = REGISTRY.module(s.pattern)
  const spec = mod.params.find((p) => p.key === key)
  if (!spec) return
  const value = checked(spec, raw, s.params[key])
  const notices: string[] = []
  const params = paramsFrom(mod, { ...s.params, [key]: value }, notices)
  for (const n of notices) notify('warning', n)
  store.setState({ scenario: { ...s, params } })
}

/**
 * Switches pattern, keeping the shared workload; each pattern's own parameters are remembered. A
 * run under way is stopped and leaves the screen to the new pattern's ideal schedule, as a new
 * scene does: its lanes, status and description would otherwise go on under the new pattern's name.
 */
export function setPattern(id: string): void {
  const st = store.getState()
  const mod = REGISTRY.pattern(id)
  if (!mod || id === st.scenario.pattern) return
  const remembered = { ...st.remembered, [st.scenario.pattern]: st.scenario.params }
  const params = Object.hasOwn(remembered, id) ? remembered[id] : paramsFrom(mod, undefined)
  const preset = st.presetId ? REGISTRY.preset(st.presetId) : undefined
  if (isBusy()) leaveRun()
  store.setState({
    scenario: { pattern: id, shared: st.scenario.shared, params },
    remembered,
    presetId: preset && preset.pattern === id ? preset.id : null,
  })
}

/** Stops the run under way (its end changes nothing any more) and clears it from the screen. */
function leaveRun(): void {
  abandonRun()
  traceHub.set(null)
  forgetNotices('run')
  store.setState((s) => ({ status: 'ready', playback: { ...s.playback, mode: 'still', playing: false } }))
}

/**
 * Opens a preset (a scene of the talk): its whole scenario, and the parameters of the patterns it
 * is compared with. A scene opens ready to run: a run under way is stopped, and the last scene's
 * run leaves the screen to this scene's ideal schedule.
 */
export function applyPreset(id: string): void {
  const preset = REGISTRY.preset(id)
  if (!preset) {
    notify('warning', `There is no preset "${id.slice(0, 40)}".`)
    return
  }
  const st = store.getState()
  const remembered: Record<string, ReturnType<typeof paramsFrom>> = { ...st.remembered }
  for (const c of preset.compare ?? []) {
    if (c.pattern !== preset.pattern) remembered[c.pattern] = paramsFrom(REGISTRY.module(c.pattern), c.params)
  }
  leaveRun()
  store.setState({ scenario: presetScenario(REGISTRY, preset), presetId: preset.id, remembered })
}
