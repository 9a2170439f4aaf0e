/// <reference lib="webworker" />
import { absNow } from './clock'
import { calibrate, spin, warm } from './kernel'
import { CMD, MB, MB_ITERS_BYTE, type FromThread, type ToThread } from './protocol'

/**
 * A thread: executes cpu segments one at a time (like a P in Go's scheduler). It receives a port to
 * the scheduler and, when the page is cross-origin isolated, a shared cancel flag: the current
 * generation; a job whose generation is no longer current stops part-way (Stop).
 */
declare const self: DedicatedWorkerGlobalScope

self.onmessage = (e: MessageEvent<{ port: MessagePort; cancel: SharedArrayBuffer | null }>) => {
  const { port } = e.data
  const flag = e.data.cancel ? new Int32Array(e.data.cancel) : null
  const post = (m: FromThread) => port.postMessage(m)
  const run = (id: number, iters: number, gen: number) => {
    post({ type: 'start', id, t: absNow() })
    const cancelled = flag ? () => Atomics.load(flag, 0) !== gen : () => false
    const { x, completed } = spin(iters, cancelled)
    post({ type: 'end', id, t: absNow(), completed, x })
  }
  port.onmessage = (ev: MessageEvent<ToThread | { type: 'mailbox'; buffer: SharedArrayBuffer }>) => {
    const m = ev.data
    if (m.type === 'mailbox') {
      serveMailbox(m.buffer, post, run)
    } else if (m.type === 'calibrate') {
      post({ type: 'calibrated', itersPerMs: calibrate() })
    } else if (m.type === 'warm') {
      warm()
      post({ type: 'warmed' })
    } else if (m.type === 'run') {
      run(m.id, m.iters, m.gen)
    }
  }
}

/** A thread returns to its event loop this often (timers, errors, a debugger), busy or idle. */
const IDLE_YIELD_MS = 100

/**
 * From now on this thread takes its commands from shared memory: it sleeps in Atomics.wait until
 * the scheduler bumps SEQ, does the command, replies by message, and waits again. Every
 * IDLE_YIELD_MS it returns to its event loop for a moment (a message to itself, which unlike a
 * timer is not clamped) and then goes on.
 */
function serveMailbox(buffer: SharedArrayBuffer, post: (m: FromThread) => void, run: (id: number, iters: number, gen: number) => void): void {
  const ctrl = new Int32Array(buffer, 0, 4)
  const iters = new Float64Array(buffer, MB_ITERS_BYTE, 1)
  // from 0, not from what SEQ says now: a command may have been written before this message was read
  let seen = 0
  const again = new MessageChannel()
  let yielded = performance.now()
  const serve = () => {
    yielded = performance.now()
    for (;;) {
      // back to the event loop at least every IDLE_YIELD_MS, busy or idle (a command written
      // meanwhile is seen on return: SEQ has moved on)
      if (performance.now() - yielded > IDLE_YIELD_MS || Atomics.wait(ctrl, MB.SEQ, seen, IDLE_YIELD_MS) === 'timed-out') {
        again.port2.postMessage(null)
        return
      }
      const seq = Atomics.load(ctrl, MB.SEQ)
      if (seq === seen) continue
      seen = seq
      const cmd = Atomics.load(ctrl, MB.CMD)
      if (cmd === CMD.run) run(Atomics.load(ctrl, MB.ID), iters[0], Atomics.load(ctrl, MB.GEN))
      else if (cmd === CMD.calibrate) post({ type: 'calibrated', itersPerMs: calibrate() })
      else if (cmd === CMD.warm) {
        warm()
        post({ type: 'warmed' })
      }
    }
  }
  again.port1.onmessage = serve
  serve()
}
