import {
  DEFAULT_SCENARIO,
  ENUMS,
  NUMERIC,
  SCENARIO_VERSION,
  checkNumber,
  isEnumValue,
  type EnumKey,
  type NumericKey,
  type Scenario,
} from './scenario'

/**
 * URL format (version 1): `?v=1&pattern=pool&n=100&d=50&variation=none&jitter=50&straggler=500&every=10
 * &slow=150&kind=io&cpuShare=50&pool=10&batch=10&buffer=10&threads=auto&timeScale=1&seed=1`.
 * Every key is optional; a missing key takes its default. `threads=auto` (or 0) means the machine's core count.
 */
export const KEY_ORDER: (keyof Scenario)[] = [
  'pattern', 'n', 'd', 'variation', 'jitter', 'straggler', 'every', 'slow', 'kind', 'cpuShare',
  'pool', 'batch', 'buffer', 'threads', 'timeScale', 'seed',
]

export function encodeScenario(s: Scenario): string {
  const p = new URLSearchParams()
  p.set('v', String(SCENARIO_VERSION))
  for (const k of KEY_ORDER) {
    const v = s[k]
    p.set(k, k === 'threads' && v === 0 ? 'auto' : String(v))
  }
  return p.toString()
}

export interface Decoded {
  scenario: Scenario
  /** what was changed or ignored, in words a user understands; empty for a clean link */
  notices: string[]
}

const MAX_VALUE_SHOWN = 24

function shown(raw: string): string {
  return raw.length > MAX_VALUE_SHOWN ? raw.slice(0, MAX_VALUE_SHOWN) + '…' : raw
}

/** Reads a query string; anything unusable takes the nearest valid value and adds a notice. Never throws. */
export function decodeScenario(search: string): Decoded {
  const scenario: Scenario = { ...DEFAULT_SCENARIO }
  const notices: string[] = []
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  } catch {
    return { scenario, notices: ['The link could not be read; opened the default scenario.'] }
  }
  const seen = new Set<string>()
  for (const [key, raw] of params) {
    if (seen.has(key)) {
      notices.push(`"${shown(key)}" appears more than once: used the first value.`)
      continue
    }
    seen.add(key)
    if (key === 'v') {
      if (raw !== String(SCENARIO_VERSION)) notices.push(`Link version "${shown(raw)}" is not known: read it as version ${SCENARIO_VERSION}.`)
    } else if (key in ENUMS) {
      const k = key as EnumKey
      if (isEnumValue(k, raw)) (scenario as unknown as Record<string, string>)[k] = raw
      else notices.push(`${key}: "${shown(raw)}" is not one of ${ENUMS[k].join(', ')}; used ${scenario[k]}.`)
    } else if (key in NUMERIC) {
      const k = key as NumericKey
      if (k === 'threads' && raw === 'auto') {
        scenario.threads = 0
        continue
      }
      const num = raw.trim() === '' ? NaN : Number(raw)
      const checked = checkNumber(k, num, scenario[k])
      scenario[k] = checked.value
      if (checked.notice) notices.push(checked.notice.replace(/^[^:]+: not a number/, `${NUMERIC[k].label}: "${shown(raw)}" is not a number`))
    } else {
      notices.push(`Unknown setting "${shown(key)}" ignored.`)
    }
  }
  return { scenario, notices }
}
