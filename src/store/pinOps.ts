/**
 * Changes to the list of pinned runs, kept as operations so that two tabs merge rather than
 * overwrite each other: each tab applies its own operations to the list it reads from storage in
 * the same transaction, and to the list it shows. Pure; entries are matched by `key`, which is the
 * same in every tab.
 */

/** Runs on the compare view: at most this many, like the talk's four-way slide. */
export const MAX_PINS = 4

export type PinOp<P> = { kind: 'add'; pin: P } | { kind: 'remove'; key: string } | { kind: 'clear' }

/** `list` with `ops` applied in order; an added entry goes last, and the oldest go beyond MAX_PINS. */
export function applyPinOps<T extends { key: string }, P extends { key: string }>(list: readonly T[], ops: readonly PinOp<P>[], entry: (p: P) => T): T[] {
  let out = list.slice()
  for (const op of ops) {
    if (op.kind === 'clear') out = []
    else if (op.kind === 'remove') out = out.filter((e) => e.key !== op.key)
    else out = [...out.filter((e) => e.key !== op.pin.key), entry(op.pin)].slice(-MAX_PINS)
  }
  return out
}

/** Longest key kept from storage; longer or missing keys are replaced. */
const KEY_MAX = 64

/**
 * The entries of a stored list (written by this page, maybe by an older version of it, maybe
 * damaged): at most MAX_PINS objects, each with a string key that no other entry has. Entries from
 * before keys existed get one from their place, the same in every tab.
 */
export function storedEntries(v: unknown): ({ key: string } & Record<string, unknown>)[] {
  if (!Array.isArray(v)) return []
  const seen = new Set<string>()
  const out: ({ key: string } & Record<string, unknown>)[] = []
  const objects = v.filter((e): e is object => typeof e === 'object' && e !== null && !Array.isArray(e))
  for (const [i, e] of objects.slice(-MAX_PINS).entries()) {
    const own = Object.hasOwn(e, 'key') ? (e as { key: unknown }).key : undefined
    let key = typeof own === 'string' && own.length > 0 && own.length <= KEY_MAX ? own : `stored-${i}`
    while (seen.has(key)) key = `${key}'`
    seen.add(key)
    out.push({ ...(e as Record<string, unknown>), key })
  }
  return out
}

/** True if two lists hold the same keys in the same order. */
export function sameKeys(a: readonly { key: string }[], b: readonly { key: string }[]): boolean {
  return a.length === b.length && a.every((e, i) => e.key === b[i].key)
}
