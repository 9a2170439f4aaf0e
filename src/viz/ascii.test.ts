import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Exit, Op, State } from '../core/events'
import { Trace } from '../core/trace'
import { REGISTRY } from '../patterns/registry'
import { scenarioOf, virtual } from '../patterns/testkit'
import { theoryMeta } from '../patterns/theory'
import { asciiCompare, asciiTimeline, laneBar, type AsciiRun } from './ascii'

const GOLDEN_DIR = fileURLToPath(new URL('./__golden__/', import.meta.url))
const UPDATE = process.env.UPDATE_GOLDEN === '1'

/** Writes the golden file under UPDATE_GOLDEN=1; compares with it otherwise. */
function golden(name: string, text: string): void {
  const path = `${GOLDEN_DIR}${name}`
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(path, `${text}\n`)
  }
  expect(`${text}\n`).toBe(readFileSync(path, 'utf8'))
}

/** Columns as a terminal counts them: code points, not UTF-16 units. */
const columns = (line: string) => [...line].length

function expectFits(text: string, width = 100): void {
  for (const line of text.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(width)
}

const mod = (tr: Trace) => REGISTRY.module(tr.scenario.pattern)
/** Every module's closed forms (each loads on demand). */
const EXPECTATIONS = new Map(await Promise.all(REGISTRY.modules.map(async (m) => [m.id, await m.expectations()] as const)))
/** The closed-form makespan the module promises for this scenario (the ideal schedule is held to it). */
const theoryOf = (tr: Trace) => EXPECTATIONS.get(tr.scenario.pattern)?.(tr.scenario).find((e) => e.metric === 'makespan')?.value
const titleOf = (tr: Trace) => `${mod(tr).title} — ${mod(tr).summary(tr.scenario)}`
const runOf = (trace: Trace): AsciiRun => ({ label: mod(trace).title, trace, theoryMs: theoryOf(trace) })

const WORKLOAD = { n: 100, d: 50 }
const STRAGGLER = { n: 100, d: 50, variation: 'straggler', straggler: 500 } as const

const opener = () =>
  Promise.all([
    virtual('sequential', WORKLOAD),
    virtual('unbounded', WORKLOAD),
    virtual('batches', WORKLOAD, { batch: 10 }),
    virtual('pool', WORKLOAD, { pool: 10, buffer: 10 }),
  ])

const straggler = () => Promise.all([virtual('batches', STRAGGLER, { batch: 10 }), virtual('pool', STRAGGLER, { pool: 10, buffer: 10 })])

/** A trace by hand: events [op, t, a, b, c, d] in scenario ms (time scale 1), strings by id. */
function handTrace(events: number[][], strings: string[], end?: number): Trace {
  const tr = new Trace(scenarioOf('sequential', { n: 1, d: 10 }), theoryMeta(1, 1))
  strings.forEach((s, i) => tr.defineString(i, s))
  for (const [op, t, a, b = -1, c = -1, d = -1] of events) tr.applyOne(op, t, a, b, c, d)
  if (end !== undefined) tr.finish('done', end)
  return tr
}

/** The row of a lane in a diagram (its name, then the bar). */
const rowOf = (text: string, name: string) => text.split('\n').find((l) => l.startsWith(`${name} `)) ?? ''

describe('asciiTimeline golden files: the opener’s four patterns read as slides', () => {
  const names = ['sequential', 'unbounded', 'batches', 'pool']
  it.each(names.map((name, i) => [name, i] as const))('%s', async (name, i) => {
    const tr = (await opener())[i]
    const text = asciiTimeline(tr, { title: titleOf(tr), theoryMs: theoryOf(tr) })
    golden(`${name}.txt`, text)
  })

  it('sequential is one long bar, unbounded a burst of lanes that all end together', async () => {
    const [seq, unb] = await opener()
    const s = asciiTimeline(seq)
    expect(rowOf(s, 'main')).toMatch(/^main +█{80,}✓$/)
    const u = asciiTimeline(unb)
    expect(rowOf(u, 'main')).toMatch(/░+✓$/)
    expect(rowOf(u, 'go #1')).toBe(rowOf(u, 'go #100').replace('go #100', 'go #1  '))
  })

  it('batches are steps with the barrier marked; the pool keeps every worker busy to the end, its ten jobs apart', async () => {
    const [, , bat, pool] = await opener()
    const b = asciiTimeline(bat)
    const start = (name: string) => rowOf(b, name).indexOf('█')
    expect(start('go #11')).toBeGreaterThan(start('go #1'))
    expect(start('go #21')).toBeGreaterThan(start('go #11'))
    expect((rowOf(b, 'barriers').match(/\^/g) ?? []).length).toBe(10)
    const p = asciiTimeline(pool)
    for (let w = 1; w <= 10; w++) {
      expect(rowOf(p, `worker ${w}`)).toMatch(/ █[█▐]+✓$/)
      // each worker takes ten 50 ms jobs back to back: nine starts of a next job
      expect(rowOf(p, `worker ${w}`).split('▐')).toHaveLength(10)
    }
    expect(p).toContain('▐ next job')
    // a goroutine per item runs one job: nothing to set apart, and no legend for it
    expect(asciiTimeline(bat)).not.toContain('▐')
    expect(rowOf(p, 'producer')).toMatch(/ ▒+✓$/)
  })
})

describe('jobs set apart', () => {
  it('a worker that waits for a thread between its cpu jobs still shows where each job begins', async () => {
    // four workers on two threads: each job waits 50 ms for a thread (drawn as working), then runs 50 ms
    const tr = await virtual('pool', { n: 16, d: 50, kind: 'cpu', threads: 2 }, { pool: 4, buffer: 4 })
    const text = asciiTimeline(tr)
    for (let w = 1; w <= 4; w++) expect(rowOf(text, `worker ${w}`).split('▐'), `worker ${w}`).toHaveLength(4)
    expect(text).toContain('▐ next job')
  })

  it('the legend names ▐ only for a bar that draws it, not for a name that holds it', () => {
    const tr = handTrace([[Op.Spawn, 0, 0, 0], [Op.State, 0, 0, State.Running], [Op.Exit, 10, 0, Exit.Returned]], ['g ▐ name'], 10)
    expect(asciiTimeline(tr)).not.toContain('▐ next job')
  })
})

describe('asciiCompare golden files: stacked runs on one shared time axis', () => {
  it('the opener: sequential vs unbounded vs batches vs pool', async () => {
    const text = asciiCompare((await opener()).map(runOf))
    golden('opener-compare.txt', text)
    expect(text).toContain('Sequential 5 s · Unbounded 50 ms (100× faster) · Batches 500 ms (10× faster)')
  })

  it('the straggler: batches of 10 vs a pool of 10', async () => {
    const text = asciiCompare((await straggler()).map(runOf))
    golden('straggler-compare.txt', text)
    expect(text).toContain('Batches 950 ms · Worker pool 550 ms (1.7× faster)')
  })

  it('the longest run sets the axis: a 50 ms run is a short bar under a 5 s one', async () => {
    const text = asciiCompare((await opener()).map(runOf))
    const bars = text.split('\n').filter((l) => /^(main|go #1) /.test(l))
    const seqMain = bars[0].replace(/^main +/, '')
    const unbLane = bars.find((l) => l.startsWith('go #1 ')) as string
    expect(columns(seqMain)).toBeGreaterThan(80)
    expect(unbLane).toMatch(/^go #1 +█✓$/)
  })
})

describe('width', () => {
  it('every line of every golden diagram fits in 100 columns (code points)', async () => {
    const runs = await opener()
    for (const tr of runs) expectFits(asciiTimeline(tr, { title: titleOf(tr), theoryMs: theoryOf(tr) }))
    expectFits(asciiCompare(runs.map(runOf)))
    expectFits(asciiCompare((await straggler()).map(runOf)))
  })

  it('a narrower width is kept too, long names and titles cut with …', async () => {
    const [, unb] = await opener()
    const text = asciiTimeline(unb, { width: 60, title: 'x'.repeat(200) })
    expectFits(text, 60)
    expect(text.split('\n')[0]).toBe(`${'x'.repeat(59)}…`)
    const long = handTrace([[Op.Spawn, 0, 0, 0], [Op.State, 0, 0, State.Io], [Op.Exit, 10, 0, Exit.Returned]], ['a goroutine with a very long name'], 10)
    const t = asciiTimeline(long)
    expectFits(t)
    expect(t).toContain('a goroutine w… █')
  })
})

describe('buckets', () => {
  // one lane over 100 ms in 10 buckets of 10 ms
  const tr = handTrace(
    [
      [Op.Spawn, 0, 0, 0],
      [Op.State, 0, 0, State.Io], // 0–6 working
      [Op.State, 6, 0, State.BlockedRecv], // 6–17 blocked: bucket 0 is 6 working / 4 blocked
      [Op.State, 17, 0, State.Io], // bucket 1: 7 blocked / 3 working
      [Op.State, 20, 0, State.Barrier], // bucket 2: 4 barrier, 3 running, 3 only Active
      [Op.State, 24, 0, State.Running, -1, 0],
      [Op.State, 27, 0, State.Active],
      [Op.State, 40, 0, State.Sleep], // bucket 3: only Active → blank; bucket 4: 6 sleep
      [Op.Exit, 46, 0, Exit.Returned],
      [Op.Spawn, 0, 1, 1],
      [Op.State, 4, 1, State.Io], // spawned at 0, working from 4: 6 of bucket 0, then 6 of bucket 1
      [Op.Exit, 16, 1, Exit.Returned],
      [Op.Spawn, 0, 2, 2],
      [Op.State, 0, 2, State.Io], // works 14 ms: bucket 1 holds only 4 of it (less than half)
      [Op.Exit, 14, 2, Exit.Cancelled],
    ],
    ['a', 'b', 'c'],
    100,
  )

  it('a bucket is drawn with the state that covers most of it; only Active or not alive is blank', () => {
    expect(laneBar(tr, 0, 100, 10)).toBe('█▒░ ░✓')
  })

  it('a bucket is drawn only where the goroutine is there for at least half of it; the exit mark follows the bar', () => {
    expect(laneBar(tr, 1, 100, 10)).toBe('██✓')
    expect(laneBar(tr, 2, 100, 10)).toBe('█✕')
  })

  it('a goroutine shorter than half a bucket still shows its fullest bucket', () => {
    const short = handTrace([[Op.Spawn, 0, 0, 0], [Op.State, 13, 0, State.Io], [Op.Exit, 17, 0, Exit.Returned]], ['a'], 100)
    expect(laneBar(short, 0, 100, 10)).toBe(' █✓')
  })
})

describe('many goroutines and edge cases', () => {
  it('more lanes than maxRows collapse into one summary row between the first maxRows − 2 and the last', async () => {
    const tr = await virtual('unbounded', { n: 30, d: 50 })
    const text = asciiTimeline(tr, { maxRows: 10 })
    const lines = text.split('\n')
    const lanes = lines.filter((l) => /^(main|go #\d+) /.test(l))
    expect(lanes.map((l) => l.split(' ').slice(0, 2).join(' ').trim())).toEqual(['main', 'go #1', 'go #2', 'go #3', 'go #4', 'go #5', 'go #6', 'go #7', 'go #30'])
    expect(lines.filter((l) => l.startsWith('…'))).toEqual(['… 22 more goroutines (go #8 … go #29)'])
    expect(lines.indexOf('… 22 more goroutines (go #8 … go #29)')).toBe(lines.findIndex((l) => l.startsWith('go #30 ')) - 1)
    // at the limit nothing collapses
    expect(asciiTimeline(tr, { maxRows: 31 })).not.toContain('more goroutines')
  })

  it('the axis reads scenario ms whatever the time scale', async () => {
    const [one, tenth] = await Promise.all([virtual('pool', STRAGGLER, { pool: 10, buffer: 10 }), virtual('pool', { ...STRAGGLER, timeScale: 0.1 }, { pool: 10, buffer: 10 })])
    expect(tenth.endT).toBeCloseTo(55)
    expect(asciiTimeline(tenth, { title: 'x' })).toBe(asciiTimeline(one, { title: 'x' }))
  })

  it('a 10,000-goroutine run still fits in 100 columns and about 30 lines', async () => {
    const tr = await virtual('unbounded', { n: 10_000, d: 50, variation: 'uniform' })
    const text = asciiTimeline(tr)
    expectFits(text)
    expect(text.split('\n').length).toBeLessThanOrEqual(32)
    expect(text).toContain('… 9,978 more goroutines (go #22 … go #9999)')
  })

  it('an empty trace renders without throwing', () => {
    const empty = new Trace(scenarioOf('pool'), theoryMeta(1, 1))
    const text = asciiTimeline(empty)
    expect(text).toContain('(no goroutines recorded)')
    expect(text).toContain('still running')
    expectFits(text)
    expect(() => asciiCompare([{ label: 'empty', trace: empty }])).not.toThrow()
    expect(() => asciiCompare([])).not.toThrow()
    const done = new Trace(scenarioOf('pool'), theoryMeta(1, 1))
    done.finish('done', 0)
    expect(asciiTimeline(done)).toContain('makespan 0 ms')
  })

  it('the same trace gives the same text (and the same scenario gives the same trace)', async () => {
    const [a, b] = await Promise.all([virtual('pool', STRAGGLER, { pool: 10, buffer: 10 }), virtual('pool', STRAGGLER, { pool: 10, buffer: 10 })])
    expect(asciiTimeline(a)).toBe(asciiTimeline(a))
    expect(asciiTimeline(a)).toBe(asciiTimeline(b))
    expect(asciiCompare([runOf(a), runOf(b)])).toBe(asciiCompare([runOf(b), runOf(a)]))
  })

  it('a run still going is drawn up to its last recorded time and says so', () => {
    const running = handTrace([[Op.Spawn, 0, 0, 0], [Op.State, 0, 0, State.Io], [Op.Spawn, 0, 1, 1], [Op.State, 0, 1, State.BlockedSend], [Op.Exit, 30, 1, Exit.Returned], [Op.State, 60, 0, State.Io]], ['main', 'producer'])
    const text = asciiTimeline(running)
    expect(text).toContain('still running, 60 ms so far: drawn up to its last recorded time')
    expect(rowOf(text, 'main')).toMatch(/^main +█+$/) // no exit mark: it has not exited
    expect(rowOf(text, 'producer')).toMatch(/^producer ▒+✓$/)
  })

  it('a stopped run (until Stop) says so and marks the goroutines it cut off', async () => {
    const tr = await virtual('prodcons', {}, { continuous: true })
    expect(tr.status).toBe('stopped')
    const text = asciiTimeline(tr)
    expectFits(text)
    expect(text).toContain('stopped at 60 s: drawn up to its last recorded time')
    expect(text).toContain('✕')
  })
})
