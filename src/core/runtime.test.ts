import { describe, expect, it } from 'vitest'
import { RunStatus } from './events'
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
})
