/**
 * Node micro-benchmark of the unbounded io pattern on the real executor (real timers, a trace
 * recorder flushed every 16 ms as in the scheduler worker). Not part of `npm run bench`.
 *
 *   npx rolldown bench/spawn.node.ts --platform node --format esm -d /tmp/spawn && node /tmp/spawn/spawn.node.js [n] [d] [runs]
 *
 * Prints, per run, the makespan (ms from the executor's origin to the run's end, as the app
 * measures it), its overhead over d, and that overhead per goroutine in µs; then the medians, and
 * the process's cpu time per goroutine (less disturbed by other load on the machine than wall time).
 * With `node --expose-gc` it also prints the live heap per goroutine while all of them wait.
 * Node is not the browser: a clock read, for one, costs far less here than in a Chromium worker.
 */
import { Op, State } from '../src/core/events'
import { Recorder } from '../src/core/recorder'
import { PROGRAMS } from '../src/patterns/programs'
import { startRun } from '../src/patterns/run'
import { scenarioOf } from '../src/patterns/testkit'
import { RealExecutor } from '../src/runtime/realExecutor'
import type { ThreadPool } from '../src/runtime/threadPool'

const n = Number(process.argv[2] ?? 10_000)
const d = Number(process.argv[3] ?? 50)
const runs = Number(process.argv[4] ?? 10)

/** io jobs only: no thread is ever asked for */
const pool = { beginRun: () => 1, pending: 0, cpu: () => { throw new Error('no cpu') }, stop: () => {} } as unknown as ThreadPool

async function once(): Promise<{ makespan: number; lastSpawn: number; firstIo: number; lastIo: number; firstExit: number; cpu: number }> {
  const cpu0 = process.cpuUsage()
  const scenario = scenarioOf('unbounded', { n, d, kind: 'io' })
  const exec = new RealExecutor(pool)
  const rec = new Recorder()
  let timer: ReturnType<typeof setTimeout> | null = null
  let firstIo = Infinity
  let lastIo = 0
  let firstExit = Infinity
  let lastSpawn = 0
  const flush = () => {
    timer = null
    const { events } = rec.take()
    for (let i = 0; i < events.length; i += 6) {
      if (events[i] === Op.State && events[i + 3] === State.Io) {
        lastIo = Math.max(lastIo, events[i + 1])
        firstIo = Math.min(firstIo, events[i + 1])
      }
      if (events[i] === Op.Spawn) lastSpawn = Math.max(lastSpawn, events[i + 1])
      if (events[i] === Op.Exit) firstExit = Math.min(firstExit, events[i + 1])
    }
  }
  const sink = {
    event(op: number, t: number, a: number, b: number, c: number, dd: number) {
      rec.event(op, t, a, b, c, dd)
      if (timer === null) timer = setTimeout(flush, 16)
    },
    string(id: number, text: string) {
      rec.string(id, text)
    },
  }
  const rt = startRun(PROGRAMS, scenario, exec, sink)
  await rt.done
  const makespan = exec.now()
  const used = process.cpuUsage(cpu0)
  const cpu = (used.user + used.system) / 1000
  if (timer !== null) clearTimeout(timer)
  flush()
  return { makespan, lastSpawn, firstIo, lastIo, firstExit, cpu }
}

const say = (line: string) => process.stdout.write(`${line}\n`)
const rows: number[] = []
const ios: number[] = []
const tails: number[] = []
const cpus: number[] = []
for (let r = 0; r < runs; r++) {
  const { makespan, lastSpawn, firstIo, lastIo, firstExit, cpu } = await once()
  cpus.push((cpu * 1000) / n)
  const us = ((makespan - d) * 1000) / n
  rows.push(us)
  ios.push((lastIo * 1000) / n)
  tails.push(makespan - lastIo - d)
  say(`run ${r}: makespan ${makespan.toFixed(1)} ms (last spawn ${lastSpawn.toFixed(1)}, io starts ${firstIo.toFixed(1)}–${lastIo.toFixed(1)}, first exit ${firstExit.toFixed(1)}), ratio ${(makespan / d).toFixed(2)}, overhead ${us.toFixed(2)} µs/goroutine`)
  await new Promise((done) => setTimeout(done, 50))
}
const med = (xs: number[]) => xs.slice(1).toSorted((a, b) => a - b)[Math.floor((xs.length - 2) / 2)]
const sorted = rows.slice(1).toSorted((a, b) => a - b)
say(`median (after the first run) ${med(rows).toFixed(2)} µs/goroutine (min ${sorted[0].toFixed(2)}, max ${sorted[sorted.length - 1].toFixed(2)}); all parked after ${med(ios).toFixed(2)} µs/goroutine; tail after the last deadline ${med(tails).toFixed(1)} ms; cpu time ${med(cpus).toFixed(2)} µs/goroutine`)

/** With --expose-gc: live heap per goroutine while all wait (one more run with a long wait). */
const gc = (globalThis as { gc?: () => void }).gc
if (gc) {
  const scenario = scenarioOf('unbounded', { n, d: 1000, kind: 'io' })
  gc()
  const before = process.memoryUsage().heapUsed
  const exec = new RealExecutor(pool)
  const rec = new Recorder()
  const rt = startRun(PROGRAMS, scenario, exec, rec)
  await new Promise((done) => setTimeout(done, 500))
  gc()
  const during = process.memoryUsage().heapUsed
  say(`live heap while ${n} goroutines wait: ${((during - before) / n).toFixed(0)} bytes per goroutine (the trace's events: ${((rec.size * 8) / n).toFixed(0)} of them)`)
  rt.stop()
}
