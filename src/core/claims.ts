import type { Claim } from './scenario'

/** How a stated number compares with the one computed for it. */
export type Verdict = 'exact' | 'rounded' | 'wrong' | 'claim' | 'note'

export interface ClaimCheck {
  claim: Claim
  /** what the theory computes for it (NaN when it states no number, or it cannot be computed yet) */
  theory: number
  /** what a real run measured for it (NaN without such a run) */
  measured: number
  verdict: Verdict
  /** the verdict in words: "the theory gives 350 ms: the talk is 8.6 % too high" */
  text: string
}

/** Within this, a stated number is the computed one. */
const EXACT = 0.005
/** Within this, it is the computed one rounded (2.2× for 2.17×). */
const ROUNDED = 0.05

/** A claim's number as the talk writes it: "350 ms", "1.4×", "28.6 %" ('…' before there is one). */
export function formatClaimValue(x: number, unit: Claim['unit']): string {
  if (!Number.isFinite(x)) return '…'
  if (unit === '×') return `${x.toFixed(2).replace(/\.?0+$/, '')}×`
  if (unit === '%') return `${(x * 100).toFixed(1).replace(/\.0$/, '')} %`
  return `${Math.round(x).toLocaleString('en-US')} ms`
}

/**
 * The value a claim is about, from named makespans (scenario ms): `makespan` is the preset's own
 * run (named `own`, its pattern id), `makespan:<label>` a compared run's, `ratio:<a>/<b>` run a's
 * over run b's, `saving:<a>/<b>` the share of run a's time that run b saves (1 − b / a: "29 % faster").
 */
export function claimValue(of: string, makespans: ReadonlyMap<string, number>, own: string): number {
  const colon = of.indexOf(':')
  const kind = colon < 0 ? of : of.slice(0, colon)
  const rest = of.slice(colon + 1)
  if (kind === 'makespan') return makespans.get(colon < 0 ? own : rest) ?? NaN
  if (kind !== 'ratio' && kind !== 'saving') return NaN
  const [a, b] = rest.split('/').map((run) => makespans.get(run) ?? NaN)
  return kind === 'ratio' ? a / b : 1 - b / a
}

/** Holds one claim against the theory's (and, when there is one, a real run's) numbers. */
export function checkClaim(claim: Claim, own: string, theory: ReadonlyMap<string, number>, measured: ReadonlyMap<string, number> = new Map()): ClaimCheck {
  if (claim.rhetorical) return { claim, theory: NaN, measured: NaN, verdict: 'claim', text: claim.note ?? 'a claim with no model behind it: not measured here' }
  if (claim.value === undefined || claim.of === undefined) return { claim, theory: NaN, measured: NaN, verdict: 'note', text: claim.note ?? '' }
  const t = claimValue(claim.of, theory, own)
  const m = claimValue(claim.of, measured, own)
  if (!Number.isFinite(t)) return { claim, theory: t, measured: m, verdict: 'note', text: 'computing…' }
  const off = (claim.value - t) / t
  const unit = claim.unit ?? 'ms'
  const verdict: Verdict = Math.abs(off) <= EXACT ? 'exact' : Math.abs(off) <= ROUNDED ? 'rounded' : 'wrong'
  const base = `the theory gives ${formatClaimValue(t, unit)}`
  const text =
    verdict === 'exact'
      ? `${base}: exact`
      : verdict === 'rounded'
        ? `${base}: the talk rounds it`
        : `${base}: the talk is ${Math.abs(off * 100).toFixed(Math.abs(off) < 0.1 ? 1 : 0)} % too ${off > 0 ? 'high' : 'low'}`
  return { claim, theory: t, measured: m, verdict, text: claim.note ? `${text}; ${claim.note}` : text }
}
