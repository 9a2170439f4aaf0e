import type { Preset } from '../core/scenario'
import { SHARED_BY_KEY } from '../core/shared'
import type { LinkCatalog } from '../core/url'
import { batches } from './batches'
import type { PatternModule } from './module'
import { pipeline } from './pipeline'
import { pool } from './pool'
import { prodcons } from './prodcons'
import { dag } from './dag'
import { fanout } from './fanout'
import { sequential } from './sequential'
import { unbounded } from './unbounded'

/** Keys a link uses for itself: no parameter may take them. */
const RESERVED = new Set(['v', 'p', 'preset', 'pattern'])

/**
 * The pattern modules, in the order the app offers them (keys 1…9). Nothing outside a pattern's
 * folder and this list knows a pattern by name: the settings panel, the link codec, the theory and
 * the views all go through here.
 */
export class Registry implements LinkCatalog {
  private byId = new Map<string, PatternModule>()
  private presetsById = new Map<string, Preset>()

  constructor(
    readonly modules: readonly PatternModule[],
    /** the pattern an empty link opens */
    readonly defaultPattern: string,
  ) {
    for (const m of modules) {
      if (this.byId.has(m.id)) throw new Error(`pattern id ${m.id} is used twice`)
      this.byId.set(m.id, m)
      const keys = new Set<string>()
      for (const p of m.params) {
        if (RESERVED.has(p.key) || SHARED_BY_KEY.has(p.key)) throw new Error(`pattern ${m.id}: parameter key "${p.key}" is taken by the link format`)
        if (keys.has(p.key)) throw new Error(`pattern ${m.id}: parameter key "${p.key}" is used twice`)
        keys.add(p.key)
      }
    }
    for (const m of modules) {
      for (const p of m.presets) {
        if (this.presetsById.has(p.id)) throw new Error(`preset id ${p.id} is used twice`)
        if (p.pattern !== m.id) throw new Error(`preset ${p.id} belongs to ${m.id} but names ${p.pattern}`)
        for (const c of p.compare ?? []) if (!this.byId.has(c.pattern)) throw new Error(`preset ${p.id} compares with unknown pattern ${c.pattern}`)
        this.presetsById.set(p.id, p)
      }
    }
    if (!this.byId.has(defaultPattern)) throw new Error(`default pattern ${defaultPattern} is not registered`)
  }

  pattern(id: string): PatternModule | undefined {
    return this.byId.get(id)
  }

  /** The module of a scenario's pattern (scenarios are checked on the way in, so it exists). */
  module(id: string): PatternModule {
    const m = this.byId.get(id)
    if (!m) throw new Error(`unknown pattern ${id}`)
    return m
  }

  preset(id: string): Preset | undefined {
    return this.presetsById.get(id)
  }

  get presets(): Preset[] {
    return [...this.presetsById.values()]
  }

  v1Homes(): { pattern: string; keys: readonly string[] }[] {
    return this.modules.filter((m) => m.v1Keys && m.v1Keys.length > 0).map((m) => ({ pattern: m.id, keys: m.v1Keys as readonly string[] }))
  }
}

export const REGISTRY = new Registry([sequential, unbounded, batches, pool, fanout, dag, pipeline, prodcons], 'pool')
