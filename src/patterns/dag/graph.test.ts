import { describe, expect, it } from 'vitest'
import { criticalPath, earliestFinish, nodesOf, repair } from './graph'

const item = (name: string, ms: number, phase: number, after = '') => ({ name, ms, phase, after })

describe('dependency graph', () => {
  it('the longest path of the order processor is Inventory → Payment (120 + 200 = 320 < 330 = User → Shipping)', () => {
    const nodes = nodesOf([item('Auth', 100, 1), item('User', 150, 1), item('Inventory', 120, 1), item('Payment', 200, 2, 'Auth/Inventory'), item('Shipping', 180, 2, 'User')])
    expect(Math.max(...earliestFinish(nodes).values())).toBe(330)
    expect(criticalPath(nodes)).toEqual(['Shipping', 'User'])
  })

  it('repair drops unknown and self dependencies, with a notice for each', () => {
    const r = repair([item('A', 10, 1, 'A/B/Nope'), item('B', 10, 1)])
    expect(r.items.map((i) => i.after)).toEqual(['B', ''])
    expect(r.notices.join(' ')).toContain('"A" cannot wait for "A", "Nope"')
  })

  it('repair breaks a cycle by dropping the dependency that closes it', () => {
    const r = repair([item('A', 10, 1, 'C'), item('B', 10, 1, 'A'), item('C', 10, 1, 'B')])
    expect(r.notices.join(' ')).toContain('would be a cycle')
    const nodes = nodesOf(r.items)
    expect(() => earliestFinish(nodes)).not.toThrow()
    expect(Math.max(...earliestFinish(nodes).values())).toBe(30)
  })

  it('repair numbers duplicate names', () => {
    const r = repair([item('Fetch', 10, 1), item('Fetch', 20, 1)])
    expect(r.items.map((i) => i.name)).toEqual(['Fetch', 'Fetch 2'])
  })

  it('a copy of a name gets a number that no other call has, within the name’s length', () => {
    const r = repair([item('A', 10, 1), item('A', 10, 1), item('A 2', 10, 1)])
    expect(r.items.map((i) => i.name)).toEqual(['A', 'A 3', 'A 2'])
    const long = 'X'.repeat(20)
    const r2 = repair([item(long, 10, 1), item(long, 10, 1), item(long, 10, 1)])
    expect(r2.items.map((i) => i.name)).toEqual([long, `${'X'.repeat(18)} 2`, `${'X'.repeat(18)} 3`])
  })
})
