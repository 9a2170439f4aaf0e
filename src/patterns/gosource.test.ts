import { describe, expect, it } from 'vitest'
import { BLOCKED_STATES, STATE_NAMES, State } from '../core/events'
import { lineFor, lineOfSegment, parseGo, type GoLine } from '../core/gosource'
import { compareLabel, compareScenario, presetScenario, type Scenario } from '../core/scenario'
import { effectiveThreads } from '../core/shared'
import type { Trace } from '../core/trace'
import { PROGRAMS } from './programs'
import { REGISTRY } from './registry'
import { randomScenario, scenarioOf, virtual } from './testkit'
import { planTrace } from './theory'

const THREADS = 2
const RANDOM_SEEDS = 10
const WHATS = new Set(['job', 'send', 'recv', 'barrier', 'select', 'sleep', 'acquire'])

/** Every module's Go text (each loads on its own, as the code panel loads it). */
const GO_TEXT = new Map(await Promise.all(REGISTRY.modules.map(async (m) => [m.id, await m.go()] as const)))

function linesOf(pattern: string): GoLine[] {
  return parseGo(GO_TEXT.get(pattern) ?? '')
}

function resourceOf(tr: Trace, s: number): string {
  const aux = tr.sAux.data[s]
  return BLOCKED_STATES.has(tr.sState.data[s]) && aux >= 0 ? (tr.resources[aux]?.name ?? '') : ''
}

/** Each distinct (goroutine, state, resource) of the trace that is not instant and has no line. */
function unmapped(tr: Trace): string[] {
  const lines = linesOf(tr.scenario.pattern)
  const out = new Set<string>()
  for (let s = 0; s < tr.segments; s++) {
    const state = tr.sState.data[s]
    if (state === State.Active || lineOfSegment(lines, tr, s) >= 0) continue
    const g = tr.sG.data[s]
    const group = tr.groupName(g)
    out.add(`goroutine "${tr.goroutineName(g)}"${group ? ` (group "${group}")` : ''} in state ${STATE_NAMES[state] ?? state} on resource "${resourceOf(tr, s)}"`)
  }
  return [...out]
}

async function expectEveryStateMapped(s: Scenario, what: string): Promise<void> {
  const tr = await planTrace(PROGRAMS, s, effectiveThreads(s.shared, THREADS))
  expect(tr.segments, `${what}: the trace has segments`).toBeGreaterThan(0)
  expect(unmapped(tr), `${what}: ${s.pattern}'s Go has no line for`).toEqual([])
}

/** The shown text of the line the first segment picked by `pick` maps to. */
function lineText(tr: Trace, pick: (name: string, group: string, state: number, resource: string) => boolean): string {
  const lines = linesOf(tr.scenario.pattern)
  for (let s = 0; s < tr.segments; s++) {
    const g = tr.sG.data[s]
    if (!pick(tr.goroutineName(g), tr.groupName(g), tr.sState.data[s], resourceOf(tr, s))) continue
    const i = lineOfSegment(lines, tr, s)
    expect(i, 'the segment maps to a line').toBeGreaterThanOrEqual(0)
    return lines[i].text.trim()
  }
  throw new Error('no segment of the trace is in the state looked for')
}

describe('every non-instant state of every goroutine maps to a line of its module’s Go', () => {
  for (const mod of REGISTRY.modules) {
    describe(mod.id, () => {
      const presets = REGISTRY.presets.filter((p) => p.pattern === mod.id)
      for (const preset of presets) {
        it(`in preset ${preset.id}`, async () => {
          await expectEveryStateMapped(presetScenario(REGISTRY, preset), `preset ${preset.id}`)
        })
        for (const c of preset.compare ?? []) {
          it(`in preset ${preset.id}, compared with ${compareLabel(c)}`, async () => {
            await expectEveryStateMapped(compareScenario(REGISTRY, preset, c), `preset ${preset.id} vs ${compareLabel(c)}`)
          })
        }
      }
      it('with its default parameters', async () => {
        await expectEveryStateMapped(scenarioOf(mod.id), 'defaults')
      })
      for (let seed = 1; seed <= RANDOM_SEEDS; seed++) {
        it(`in random scenario ${seed}`, async () => {
          await expectEveryStateMapped(randomScenario(mod.id, seed), `random scenario ${seed}`)
        })
      }
    })
  }
})

describe('every mode of every module has its lines', () => {
  const modes: [string, Record<string, unknown>][] = [
    ['fanout', { mode: 'sequential', combine: 40 }],
    ['fanout', { mode: 'parallel', workers: 0, combine: 40 }],
    ['fanout', { mode: 'parallel', workers: 2, combine: 40 }],
    ['fanout', { source: 'items', mode: 'parallel', workers: 3 }],
    ['dag', { mode: 'sequential' }],
    ['dag', { mode: 'phases' }],
    ['dag', { mode: 'dag' }],
    ['pipeline', { mode: 'sequential' }],
    ['pipeline', { mode: 'pipeline' }],
    ['pipeline', { mode: 'pipeline', take: 3 }],
    ['prodcons', { continuous: false, consumers: 1, buffer: 0 }],
    ['prodcons', { continuous: false, consumers: 3, buffer: 2 }],
    ['prodcons', { continuous: true, consumers: 1, buffer: 2, batch: 3, rate: 200 }],
    ['prodcons', { continuous: true, consumers: 2, buffer: 0, batch: 1, rate: 20 }],
  ]
  for (const [pattern, params] of modes) {
    it(`${pattern} ${JSON.stringify(params)}`, async () => {
      await expectEveryStateMapped(scenarioOf(pattern, { n: 12, kind: 'mixed' }, params as never), JSON.stringify(params))
    })
  }
})

describe('a goroutine’s state finds the right line', () => {
  it('pool: the producer blocked on a full buffer is on `jobs <- j`', async () => {
    const tr = await virtual('pool', { n: 20, d: 50 }, { pool: 2, buffer: 1 })
    expect(lineText(tr, (name, _g, state) => name === 'producer' && state === State.BlockedSend)).toContain('jobs <- j')
  })

  it('pool: main at the barrier is on `wg.Wait()`', async () => {
    const tr = await virtual('pool', { n: 20, d: 50 }, { pool: 2, buffer: 1 })
    expect(lineText(tr, (name, _g, state) => name === 'main' && state === State.Barrier)).toBe('wg.Wait()')
  })

  it('pipeline: a stage worker blocked receiving is on its stage’s range line', async () => {
    const tr = await virtual('pipeline', { n: 20 })
    expect(lineText(tr, (name, group, state) => group === 'Parse' && name === 'Parse 2' && state === State.BlockedRecv)).toBe('for item := range in {')
  })

  it('pipeline: a stage’s closer waits on its own wg.Wait(), not main’s', async () => {
    const tr = await virtual('pipeline', { n: 20 }, { take: 3 })
    expect(lineText(tr, (name, _g, state) => name === 'main' && state === State.Barrier)).toBe('workers.Wait()')
    expect(lineText(tr, (name, _g, state, resource) => name === 'Write closer' && state === State.Barrier && resource === 'Write wg')).toBe('wg.Wait()')
  })

  it('prodcons: the producer blocked on an unbuffered send is on the send line', async () => {
    const tr = await virtual('prodcons', { n: 10, kind: 'io' }, { buffer: 0, produce: 5, consume: 30 })
    expect(lineText(tr, (name, _g, state, resource) => name === 'producer' && state === State.BlockedSend && resource === 'events')).toBe('events <- i')
  })

  it('dag: a call waiting on an input in graph mode is on the receive from done', async () => {
    const tr = await virtual('dag', { kind: 'io' }, { mode: 'dag' })
    expect(lineText(tr, (name, _g, state, resource) => name === 'Payment' && state === State.BlockedRecv && resource.endsWith(' done'))).toBe('<-done[in] // wait for an input')
  })

  it('dag: main’s wait is the same wg.Wait() in phases and in graph mode', async () => {
    for (const mode of ['phases', 'dag']) {
      const tr = await virtual('dag', { kind: 'io' }, { mode })
      expect(lineText(tr, (name, _g, state) => name === 'main' && state === State.Barrier), mode).toBe('wg.Wait()')
    }
  })

  it('fanout: main in parallel mode is on `wg.Wait()`', async () => {
    const tr = await virtual('fanout', { kind: 'io' }, { mode: 'parallel', workers: 0 })
    expect(lineText(tr, (name, _g, state) => name === 'main' && state === State.Barrier)).toContain('wg.Wait()')
    expect(lineText(tr, (_n, group, state) => group === 'tasks' && state === State.Io)).toBe('results[i] = c.Do()')
  })

  it('fanout: a bounded-mode worker running a call is on the work line', async () => {
    const tr = await virtual('fanout', { kind: 'io' }, { mode: 'parallel', workers: 2 })
    expect(lineText(tr, (name, group, state) => name === 'worker 1' && group === 'workers' && state === State.Io)).toBe('r := c.Do()')
    expect(lineText(tr, (name, _g, state) => name === 'closer' && state === State.Barrier)).toBe('wg.Wait()')
    expect(lineText(tr, (name, _g, state) => name === 'main' && state === State.BlockedRecv)).toBe('for r := range results {')
  })

  it('fanout: a call named like another goroutine still finds its own line', async () => {
    const tr = await virtual('fanout', { kind: 'io' }, { mode: 'parallel', workers: 0, tasks: [{ name: 'main', ms: 100 }, { name: 'closer', ms: 50 }] })
    expect(lineText(tr, (name, group, state) => name === 'main' && group === 'tasks' && state === State.Io)).toBe('results[i] = c.Do()')
  })
})

describe('parseGo and lineFor', () => {
  it('strip the tag from the shown text and keep the comment before it', () => {
    const lines = parseGo('\n\tjobs <- j // blocks when full //@ producer send jobs\n\tclose(jobs)\n')
    expect(lines.map((l) => l.text)).toEqual(['\tjobs <- j // blocks when full', '\tclose(jobs)'])
    expect(lines[0].tag?.what).toBe('send')
  })

  it('match `*` globs against a goroutine’s name or its group', () => {
    const lines = parseGo('for j := range jobs { //@ worker* recv jobs\ndone[x] //@ calls recv *done')
    expect(lineFor(lines, 'worker 3', '', State.BlockedRecv, 'jobs')).toBe(0)
    expect(lineFor(lines, 'w3', 'workers', State.BlockedRecv, 'jobs')).toBe(0)
    expect(lineFor(lines, 'producer', '', State.BlockedRecv, 'jobs')).toBe(-1)
    expect(lineFor(lines, 'Payment', 'calls', State.BlockedRecv, 'Auth done')).toBe(1)
    expect(lineFor(lines, 'Payment', 'calls', State.BlockedRecv, 'Auth')).toBe(-1)
    // a glob is the whole name, not a part of it
    expect(lineFor(lines, 'coworker 1', '', State.BlockedRecv, 'jobs')).toBe(-1)
  })

  it('take the first matching tag', () => {
    const lines = parseGo('wg.Wait() //@ *closer barrier\nall.Wait() //@ * barrier\nx() //@ * barrier')
    expect(lineFor(lines, 'Parse closer', 'Parse', State.Barrier, 'Parse wg')).toBe(0)
    expect(lineFor(lines, 'main', '', State.Barrier, 'workers')).toBe(1)
  })

  it('map nothing to a line without a tag', () => {
    const lines = parseGo('wg.Wait()\nprocess(j)')
    expect(lines.every((l) => l.tag === null)).toBe(true)
    for (const state of [State.Running, State.Io, State.Barrier, State.BlockedSend, State.Sleep]) expect(lineFor(lines, 'main', '', state, 'wg')).toBe(-1)
  })

  it('map an instant (active) state to no line, whatever the tags', () => {
    expect(lineFor(parseGo('x //@ * job'), 'main', '', State.Active, '')).toBe(-1)
  })
})

describe('every module’s Go', () => {
  for (const mod of REGISTRY.modules) {
    it(`${mod.id}: has tags that name a known state, lines of at most 72 columns (tabs 8 wide), tabs for indentation`, () => {
      const lines = linesOf(mod.id)
      expect(lines.length).toBeGreaterThan(3)
      for (const l of lines) {
        if (l.tag) expect(WHATS.has(l.tag.what), `${l.text}: ${l.tag.what}`).toBe(true)
        expect(l.text.replace(/\t/g, ' '.repeat(8)).length, l.text).toBeLessThanOrEqual(72)
        expect(/^ +\S/.test(l.text), `indented with spaces: ${l.text}`).toBe(false)
      }
      // no tag left in the shown text (a malformed tag would show)
      expect(lines.filter((l) => l.text.includes('//@')).map((l) => l.text)).toEqual([])
    })
  }
})

describe('a handler’s own steps find their own lines', () => {
  it('fanout: main’s combine step is on combine(results), the calls it makes one by one on c.Do()', async () => {
    const lines = linesOf('fanout')
    for (const mode of ['sequential', 'parallel'] as const) {
      const tr = await virtual('fanout', {}, { mode, combine: 40 })
      const seen = new Set<string>()
      for (let s = 0; s < tr.segments; s++) {
        if (tr.sG.data[s] !== 0 || tr.sState.data[s] !== State.Io) continue
        const job = tr.sJob.data[s]
        seen.add(`${tr.text(tr.jLabel.data[job])} → ${lines[lineOfSegment(lines, tr, s)].text.trim()}`)
      }
      expect([...seen].find((x) => x.startsWith('combine'))).toBe('combine → return combine(results)')
      if (mode === 'sequential') expect([...seen].filter((x) => !x.startsWith('combine')).every((x) => x.endsWith('results = append(results, c.Do())'))).toBe(true)
    }
  })
})
