import type { Scenario } from '../core/scenario'
import { parallelThreads } from '../core/shared'
import type { Trace } from '../core/trace'
import { encodeScenario } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import { theoryMeta, traceOfInSlices } from '../patterns/theory'
import { isBusyStatus, store } from './app'
import { getEngine } from './engine'

/**
 * The current scenario's ideal schedule: the same program on a virtual clock, computed in the
 * theory worker whenever the scenario changes (the latest request wins), and kept for recent
 * scenarios so that switching back and forth is instant.
 */
const CACHE_SIZE = 12
const cache = new Map<string, Trace>()
let latest = ''

/** The threads the ideal schedule computes on: T, but no more than this machine's cores. */
export function theoryThreads(s: Scenario, hardwareConcurrency: number): number {
  return parallelThreads(s.shared, hardwareConcurrency)
}

/** A scenario's identity for the theory: its link and the threads it runs on. */
export function theoryKey(s: Scenario, hardwareConcurrency: number): string {
  return `${encodeScenario(REGISTRY, s)}#${theoryThreads(s, hardwareConcurrency)}`
}

function remember(key: string, tr: Trace): void {
  cache.delete(key)
  cache.set(key, tr)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
}

/** Lets the page handle input and draw between slices of work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** ms the theory worker spent on each cached trace. */
const computeMs = new WeakMap<Trace, number>()

/** The ideal schedule of `s`, computed once per scenario. */
export async function planOf(s: Scenario, hardwareConcurrency: number): Promise<Trace> {
  const key = theoryKey(s, hardwareConcurrency)
  const hit = cache.get(key)
  if (hit) return hit
  const threads = theoryThreads(s, hardwareConcurrency)
  const run = await getEngine().plan(s, threads)
  const tr = await traceOfInSlices(s, theoryMeta(threads, hardwareConcurrency), run, yieldToPage)
  computeMs.set(tr, run.ms)
  remember(key, tr)
  return tr
}

/** Whether a run is being timed now (the scheduler computes theories only between runs). */
function timing(): boolean {
  return isBusyStatus(store.getState().status)
}

/** Brings store.theory up to date with the scenario (called whenever it changes, and when a run ends). */
export async function refreshTheory(): Promise<void> {
  const { scenario, machine } = store.getState()
  if (timing()) return // the scheduler is timing a run: asked again when it ends
  const key = theoryKey(scenario, machine.hardwareConcurrency)
  if (key === store.getState().theory.key && (store.getState().theory.trace || store.getState().theory.computing)) return
  latest = key
  const hit = cache.get(key)
  if (hit) {
    store.setState({ theory: { key, trace: hit, computing: false, error: '', ms: 0 } })
    return
  }
  store.setState((st) => ({ theory: { ...st.theory, key, computing: true, error: '' } }))
  try {
    const tr = await planOf(scenario, machine.hardwareConcurrency)
    if (latest === key) store.setState({ theory: { key, trace: tr, computing: false, error: '', ms: computeMs.get(tr) ?? 0 } })
  } catch (e) {
    if (latest === key) store.setState((st) => ({ theory: { ...st.theory, key, computing: false, error: e instanceof Error ? e.message : String(e) } }))
  }
}

/** Keeps the theory in step with the scenario. Returns the unsubscriber. */
export function startTheorySync(): () => void {
  void refreshTheory()
  let last = store.getState().scenario
  let wasTiming = timing()
  return store.subscribe((st) => {
    const now = isBusyStatus(st.status)
    if (st.scenario === last && !(wasTiming && !now)) {
      wasTiming = now
      return
    }
    last = st.scenario
    wasTiming = now
    void refreshTheory()
  })
}
