import { describe, expect, it } from 'vitest'
import { MAX_PINS, applyPinOps, sameKeys, storedEntries, type PinOp } from './pinOps'

type E = { key: string; from: string }
const add = (key: string, from = 'a'): PinOp<E> => ({ kind: 'add', pin: { key, from } })
const keys = (l: { key: string }[]) => l.map((e) => e.key)
const same = (p: E) => p

describe('pinned runs as operations', () => {
  it("two tabs' pins merge in storage instead of the last writer's list winning", () => {
    // tab A pinned a1 and stored it; tab B, which showed nothing, pins b1: its operation lands on A's list
    const stored = applyPinOps<E, E>([], [add('a1')], same)
    expect(keys(applyPinOps(stored, [add('b1', 'b')], same))).toEqual(['a1', 'b1'])
  })

  it('keeps the newest MAX_PINS, the oldest going first', () => {
    const l = applyPinOps<E, E>([], ['1', '2', '3', '4', '5', '6'].map((k) => add(k)), same)
    expect(l).toHaveLength(MAX_PINS)
    expect(keys(l)).toEqual(['3', '4', '5', '6'])
  })

  it('removes by key, clears all, and re-adding a key moves it last without a copy', () => {
    const l = applyPinOps<E, E>([], [add('x'), add('y'), add('z'), { kind: 'remove', key: 'y' }, add('x')], same)
    expect(keys(l)).toEqual(['z', 'x'])
    expect(applyPinOps(l, [{ kind: 'clear' }, add('n')], same).map((e) => e.key)).toEqual(['n'])
    expect(applyPinOps(l, [{ kind: 'remove', key: 'nope' }], same)).toEqual(l)
  })

  it('does not change the list it is given', () => {
    const l: E[] = [{ key: 'a', from: 'a' }]
    applyPinOps(l, [{ kind: 'clear' }, add('b')], same)
    expect(keys(l)).toEqual(['a'])
  })
})

describe('a stored list read back', () => {
  it('is an empty list when it is not an array', () => {
    for (const v of [undefined, null, 3, 'pins', { 0: {} }]) expect(storedEntries(v)).toEqual([])
  })

  it('keeps objects only, at most MAX_PINS, each with a key of its own', () => {
    const got = storedEntries([{ key: 'gone' }, 1, null, 'x', [], { key: 'k', label: 'L' }, { key: 'k' }, { key: 'y'.repeat(65) }, { key: 7 }])
    expect(got).toHaveLength(MAX_PINS)
    expect(keys(got)).not.toContain('gone')
    expect(new Set(keys(got)).size).toBe(got.length)
    expect(got.every((e) => typeof e.key === 'string' && e.key.length > 0 && e.key.length <= 70)).toBe(true)
    expect(got.find((e) => e.label === 'L')?.key).toBe('k')
  })

  it('gives entries stored before keys existed the same keys in every tab', () => {
    const old = [{ label: 'a' }, { label: 'b' }]
    expect(keys(storedEntries(old))).toEqual(keys(storedEntries(structuredClone(old))))
    expect(new Set(keys(storedEntries(old))).size).toBe(2)
  })

  it('does not take an inherited key for its own', () => {
    const e = Object.create({ key: 'inherited' }) as object
    expect(keys(storedEntries([e]))[0]).not.toBe('inherited')
  })
})

it('sameKeys compares keys in order', () => {
  expect(sameKeys([{ key: 'a' }, { key: 'b' }], [{ key: 'a' }, { key: 'b' }])).toBe(true)
  expect(sameKeys([{ key: 'a' }, { key: 'b' }], [{ key: 'b' }, { key: 'a' }])).toBe(false)
  expect(sameKeys([{ key: 'a' }], [])).toBe(false)
})
