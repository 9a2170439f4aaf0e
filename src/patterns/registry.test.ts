import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NumberSpec } from '../core/params'
import { decodeScenario, encodeScenario } from '../core/url'
import { definePattern, type PatternProgram } from './module'
import { PROGRAMS, Programs } from './programs'
import { REGISTRY, Registry } from './registry'
import { runVirtual, traceOf, theoryMeta } from './theory'

/** A pattern that lives only in this test (its program.ts and its index.ts): nothing else in the code base knows it. */
const echoProgram: PatternProgram<{ copies: number }> = {
  id: 'echo',
  program: async (main, { params, jobs }) => {
    const wg = main.waitGroup()
    for (let c = 0; c < params.copies; c++) {
      wg.add(1)
      main.go(`copy ${c + 1}`, async (g) => {
        for (const job of jobs()) await g.run({ ...job, id: c * 1000 + job.id })
        wg.done()
      })
    }
    await main.wait(wg)
  },
}

const echo = definePattern<{ copies: number }>({
  id: 'echo',
  title: 'Echo',
  short: 'Echo',
  lesson: 'main echoes every item to a goroutine per copy.',
  params: [{ type: 'number', key: 'copies', label: 'Copies', unit: '', min: 1, max: 9, default: 2, integer: true, log: false } as NumberSpec],
  uses: () => ['n', 'd'],
  presets: [{ id: 'echo-three', title: 'Three copies', lesson: '', pattern: 'echo', params: { copies: 3 }, shared: { n: 4, d: 10 }, expect: { makespan: 40 } }],
  views: [],
  expectations: async () => () => [],
  summary: () => 'echo',
  go: async () => `
func main() {
	var wg sync.WaitGroup
	for c := 1; c <= copies; c++ {
		wg.Add(1)
		go func() { // copy c
			defer wg.Done()
			for _, j := range items {
				process(j) //@ copy* job
			}
		}()
	}
	wg.Wait() //@ main barrier
}`,
})

describe('a new pattern is picked up with no edit outside its folder and the two lists (registry.ts for the page, programs.ts for the worker)', () => {
  const registry = new Registry([...REGISTRY.modules, echo], 'pool')
  const programs = new Programs([...PROGRAMS.programs, echoProgram])

  it('links name it, its parameters and its presets', () => {
    const d = decodeScenario(registry, '?v=2&p=echo&copies=4&n=3')
    expect(d.notices).toEqual([])
    expect(d.scenario.params).toEqual({ copies: 4 })
    expect(encodeScenario(registry, d.scenario)).toBe('v=2&p=echo&n=3&copies=4')
    expect(decodeScenario(registry, '?preset=echo-three').presetId).toBe('echo-three')
    expect(decodeScenario(registry, '?v=2&p=echo&copies=40').notices.join(' ')).toContain('Copies: 40 is above the maximum, used 9')
  })

  it('its program runs on the virtual clock and names its lanes', async () => {
    const s = decodeScenario(registry, '?preset=echo-three').scenario
    const tr = traceOf(s, theoryMeta(2, 2), await runVirtual(programs, s, 2))
    expect(tr.endT).toBe(40)
    expect([1, 2, 3].map((g) => tr.goroutineName(g))).toEqual(['copy 1', 'copy 2', 'copy 3'])
  })

  it('the registry refuses a module whose parameter would take a link key', () => {
    const bad = definePattern({ ...echo, id: 'bad', presets: [], params: [{ ...echo.params[0], key: 'n' }] })
    expect(() => new Registry([...REGISTRY.modules, bad], 'pool')).toThrow(/taken by the link format/)
  })
})

describe('the scheduler worker’s programs (programs.ts) are the registry’s patterns', () => {
  it('a program for every registered pattern, in the same order, that runs until Stop exactly when its module says so', () => {
    expect(PROGRAMS.programs.map((p) => p.id)).toEqual(REGISTRY.modules.map((m) => m.id))
    for (const m of REGISTRY.modules) expect(PROGRAMS.programOf(m.id).continuous, m.id).toBe(m.continuous)
    expect(() => PROGRAMS.programOf('no-such-pattern')).toThrow(/unknown pattern/)
    expect(() => new Programs([...PROGRAMS.programs, PROGRAMS.programs[0]])).toThrow(/used twice/)
  })
})

describe('no code outside a pattern’s folder branches on a pattern id', () => {
  const ids = REGISTRY.modules.map((m) => m.id)
  const files: string[] = []
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f)
      if (statSync(p).isDirectory()) walk(p)
      else if ((f.endsWith('.ts') || f.endsWith('.tsx')) && !f.endsWith('.test.ts')) files.push(p)
    }
  }
  walk('src')
  it('pattern ids appear as strings only inside pattern folders, the registry and test helpers', () => {
    const offenders: string[] = []
    for (const file of files) {
      const rel = relative('src', file)
      const inPatternFolder = ids.some((id) => rel.startsWith(`patterns/${id}/`))
      if (inPatternFolder || rel === 'patterns/registry.ts' || rel === 'patterns/testkit.ts' || rel.startsWith('patterns/oracle/')) continue
      const text = readFileSync(file, 'utf8')
      for (const id of ids) if (new RegExp(`['"\`]${id}['"\`]`).test(text)) offenders.push(`${rel}: '${id}'`)
    }
    expect(offenders).toEqual([])
  })
})
