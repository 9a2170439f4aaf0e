import type { SharedKey } from '../core/shared'

/** The shared settings a pattern over the shared workload uses (variation details only when they apply). */
export const WORKLOAD_KEYS: readonly SharedKey[] = ['n', 'd', 'variation', 'jitter', 'straggler', 'every', 'slow', 'kind', 'cpuShare', 'threads', 'timeScale', 'seed']

/** The machine settings every pattern uses. */
export const MACHINE_KEYS: readonly SharedKey[] = ['threads', 'timeScale', 'seed']
