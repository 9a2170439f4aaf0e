import { describe, expect, it } from 'vitest'
import type { Playback } from './app'
import { cursorTime } from './playback'

const base: Playback = { mode: 'replay', speed: 0.1, playing: true, anchorT: 100, anchorWall: 1000, origin: 0 }

describe('cursorTime', () => {
  it('replay advances from its anchor at the replay speed', () => {
    expect(cursorTime(base, 500, 2000)).toBeCloseTo(200) // 1 s of wall time at 0.1× = 100 ms of run
  })
  it('a paused replay stays at its anchor', () => {
    expect(cursorTime({ ...base, playing: false }, 500, 9000)).toBe(100)
  })
  it('replay stops at the end of the run', () => {
    expect(cursorTime({ ...base, speed: 4 }, 500, 5000)).toBe(500)
  })
  it('a still view shows the whole run', () => {
    expect(cursorTime({ ...base, mode: 'still' }, 321, 0)).toBe(321)
  })
})
