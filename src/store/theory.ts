import type { Scenario } from '../core/scenario'
import { effectiveThreads } from '../core/shared'
import type { Trace } from '../core/trace'
import { encodeScenario } from '../core/url'
import { REGISTRY } from '../patterns/registry'
import { theoryMeta, traceOf } from '../patterns/theory'
import { TheoryBridge } from '../runtime/theoryBridge'
import { store } from './app'

/**
 * The current scenario's ideal schedule: the same program on a virtual clock, computed in the
 * theory worker whenever the scenario changes (the latest request wins), and kept for recent
 * scenarios so that switching back and forth is instant.
 */
const CACHE_SIZE = 12
const cache = new Map<string, Trace>()
let bridge: TheoryBridge | null = null
let latest = ''

/** Threads the ideal schedule uses for cpu work. */
export function theoryThreads(s: Scenario, hardwareConcurrency: number): number {
  return effectiveThreads(s.shared, hardwareConcurrency)
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

/** The ideal schedule of `s`, computed once per scenario. */
export async function planOf(s: Scenario, hardwareConcurrency: number): Promise<Trace> {
  const key = theoryKey(s, hardwareConcurrency)
  const hit = cache.get(key)
  if (hit) return hit
  bridge ??= new TheoryBridge()
  const threads = theoryThreads(s, hardwareConcurrency)
  const run = await bridge.plan(s, threads)
  const tr = traceOf(s, theoryMeta(threads, hardwareConcurrency), run)
  remember(key, tr)
  return tr
}

/** Brings store.theory up to date with the scenario (called whenever it changes). */
export async function refreshTheory(): Promise<void> {
  const { scenario, machine } = store.getState()
  const key = theoryKey(scenario, machine.hardwareConcurrency)
  if (key === store.getState().theory.key && (store.getState().theory.trace || store.getState().theory.computing)) return
  latest = key
  const hit = cache.get(key)
  if (hit) {
    store.setState({ theory: { key, trace: hit, computing: false, error: '' } })
    return
  }
  store.setState((st) => ({ theory: { ...st.theory, key, computing: true, error: '' } }))
  try {
    const tr = await planOf(scenario, machine.hardwareConcurrency)
    if (latest === key) store.setState({ theory: { key, trace: tr, computing: false, error: '' } })
  } catch (e) {
    if (latest === key) store.setState((st) => ({ theory: { ...st.theory, key, computing: false, error: e instanceof Error ? e.message : String(e) } }))
  }
}

/** Keeps the theory in step with the scenario. Returns the unsubscriber. */
export function startTheorySync(): () => void {
  void refreshTheory()
  let last = store.getState().scenario
  return store.subscribe((st) => {
    if (st.scenario === last) return
    last = st.scenario
    void refreshTheory()
  })
}
