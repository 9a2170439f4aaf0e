import { describe, expect, it } from 'vitest'
import { Exit, Op, RunStatus, State } from './events'
import type { Goroutine } from './goroutine'
import { Recorder } from './recorder'
import { DEADLOCK, Runtime } from './runtime'
import { Trace } from './trace'
import { VirtualExecutor } from './virtual'
import { DEFAULT_SHARED } from './shared'

/** Runs `program` on a virtual clock and returns its trace (the whole run happens in microtasks). */
async function run(program: (main: Goroutine) => Promise<void>, threads = 2): Promise<Trace> {
  const rec = new Recorder()
  const rt = new Runtime(new VirtualExecutor(threads), rec, 1, 1)
  const done = rt.main(program)
  await new Promise((r) => setTimeout(r, 0))
  if (!rt.ended) rt.stop(RunStatus.Failed, 'stalled')
  await done
  const tr = new Trace({ pattern: 'test', shared: DEFAULT_SHARED, params: {} }, { threads, hardwareConcurrency: threads, crossOriginIsolated: false, itersPerMs: 0, startedAt: 0, source: 'theory' })
  const { events, strings } = rec.take()
  tr.apply(events, strings)
  return tr
}

describe('Runtime', () => {
  it('names that end in a number add their stem to the string table once, and read back whole', async () => {
    const names = ['go #1', 'go #2', 'go #10000', 'worker 7', 'worker 01', 'x1234567890', '42', 'plain', '']
    const tr = await run(async (main) => {
      for (const name of names) main.go(name, async () => {})
    })
    expect(names.map((_, i) => tr.goroutineName(i + 1))).toEqual(names)
    // 'go #', 'worker ' and '' (the stem of '42') once each; a leading zero or more than 9 digits stays whole
    expect(tr.strings.filter((s) => s.startsWith('go #'))).toEqual(['go #'])
    expect(tr.strings).toContain('worker 01')
    expect(tr.strings).toContain('x1234567890')
  })

  it('time jumps straight to the next timer once every goroutine is parked', async () => {
    const tr = await run(async (main) => {
      const wg = main.waitGroup()
      wg.add(2)
      main.go('a', async (g) => {
        await g.sleep(1000)
        wg.done()
      })
      main.go('b', async (g) => {
        await g.run({ id: 0, cpu: 300, io: 200 })
        wg.done()
      })
      await main.wait(wg)
    })
    expect(tr.status).toBe('done')
    expect(tr.endT).toBe(1000)
    expect(tr.jEnd.data[0]).toBe(500)
  })

  it('all goroutines asleep is a deadlock, reported in Go’s words with who waits on what', async () => {
    const tr = await run(async (main) => {
      const ch = main.chan<number>('results', 0)
      main.go('writer', async (g) => {
        await g.send(ch, 1)
        await g.send(ch, 2) // nobody receives the second value
      })
      await main.recv(ch)
      const wg = main.waitGroup('wg')
      wg.add(1)
      await main.wait(wg)
    })
    expect(tr.status).toBe('failed')
    expect(tr.error).toContain(DEADLOCK)
    expect(tr.error).toContain('main [sync.WaitGroup.Wait (wg)]')
    expect(tr.error).toContain('writer [chan send (results)]')
  })

  it('a deadlock is found after time has passed too (when the last timer has fired)', async () => {
    const tr = await run(async (main) => {
      await main.sleep(250)
      await main.recv(main.chan<number>('never', 0))
    })
    expect(tr.status).toBe('failed')
    expect(tr.error).toContain('all goroutines are asleep')
    expect(tr.endT).toBe(250)
  })

  it('a panic in any goroutine ends the run with its message', async () => {
    const tr = await run(async (main) => {
      const ch = main.chan<number>('jobs', 1)
      main.close(ch)
      main.go('late sender', async (g) => g.send(ch, 1))
      await main.sleep(10)
    })
    expect(tr.status).toBe('failed')
    expect(tr.error).toBe('panic: send on closed channel jobs [goroutine "late sender"]')
  })

  it('main returning ends the program and cuts off goroutines still running', async () => {
    const tr = await run(async (main) => {
      main.go('forgotten', async (g) => g.sleep(1000))
      await main.sleep(10)
    })
    expect(tr.status).toBe('done')
    expect(tr.endT).toBe(10)
    expect(tr.gExitHow.data[1]).toBe(1)
  })

  it('a program that awaits something outside the runtime is reported as stalled, not hung', async () => {
    const tr = await run(async (main) => {
      await new Promise(() => {})
      await main.sleep(1)
    })
    expect(tr.status).toBe('failed')
    expect(tr.error).toBe('stalled')
  })

  it('main returning cuts off exactly the goroutines still alive, in the order they were spawned, after most have exited', async () => {
    const rec = new Recorder()
    const rt = new Runtime(new VirtualExecutor(2), rec, 1, 1)
    void rt.main(async (main) => {
      // 3,000 goroutines; all but every 7th exit at once: the table of live ones fills with holes and is compacted
      for (let i = 0; i < 3000; i++) main.go(`g${i}`, async (g) => (i % 7 === 0 ? g.sleep(1000) : undefined))
      await main.sleep(5)
    })
    expect(await rt.done).toEqual({ status: RunStatus.Done })
    const { events } = rec.take()
    const cancelled: number[] = []
    for (let i = 0; i < events.length; i += 6) if (events[i] === Op.Exit && events[i + 3] === Exit.Cancelled) cancelled.push(events[i + 2])
    // goroutine i has id i + 1
    const expected = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 7 === 0).map((i) => i + 1)
    expect(cancelled).toEqual(expected)
  })

  it('the deadlock report names the parked goroutines in spawn order after others have exited', async () => {
    const tr = await run(async (main) => {
      const never = main.chan<number>('never', 0)
      for (let i = 0; i < 2100; i++) main.go(`g${i}`, async (g) => (i === 1500 || i === 2050 ? void (await g.recv(never)) : undefined))
      await main.sleep(1)
      await main.recv(never)
    })
    expect(tr.status).toBe('failed')
    expect(tr.error).toContain('main [chan receive (never)]; g1500 [chan receive (never)]; g2050 [chan receive (never)]')
  })

  it('a goroutine function that throws before its first await panics the run; one that returns a plain value exits', async () => {
    const thrown = await run(async (main) => {
      main.go('thrower', (() => {
        throw new Error('at once')
      }) as unknown as (g: Goroutine) => Promise<void>)
      await main.sleep(10)
    })
    expect(thrown.status).toBe('failed')
    expect(thrown.error).toBe('panic: at once [goroutine "thrower"]')
    const plain = await run(async (main) => {
      main.go('plain', (() => 42) as unknown as (g: Goroutine) => Promise<void>)
      await main.sleep(10)
    })
    expect(plain.status).toBe('done')
    expect(plain.gExitHow.data[1]).toBe(Exit.Returned)
    expect(plain.gExit.data[1]).toBe(0)
  })

  it('an io job begins, starts its wait and ends at exact times; the goroutine is active again the moment its wait ends', async () => {
    const tr = await run(async (main) => {
      await main.sleep(3)
      await main.run({ id: 0, cpu: 0, io: 40 })
      await main.sleep(7)
    })
    expect(tr.jBegin.data[0]).toBe(3)
    expect(tr.jStart.data[0]).toBe(3)
    expect(tr.jEnd.data[0]).toBe(43)
    const states: [number, number, number][] = []
    for (let s = 0; s < tr.segments; s++) if (tr.sG.data[s] === 0) states.push([tr.sState.data[s], tr.sT0.data[s], tr.sT1.data[s]])
    expect(states).toEqual([
      [State.Active, 0, 0],
      [State.Sleep, 0, 3],
      [State.Active, 3, 3],
      [State.Io, 3, 43],
      [State.Active, 43, 43],
      [State.Sleep, 43, 50],
      [State.Active, 50, 50],
    ])
    expect(tr.endT).toBe(50)
  })
})
