/// <reference lib="webworker" />
import { absNow } from './clock'
import { calibrate, spin, warm } from './kernel'
import type { FromThread, ToThread } from './protocol'

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
  port.onmessage = (ev: MessageEvent<ToThread>) => {
    const m = ev.data
    if (m.type === 'calibrate') {
      post({ type: 'calibrated', itersPerMs: calibrate() })
    } else if (m.type === 'warm') {
      warm()
      post({ type: 'warmed' })
    } else if (m.type === 'run') {
      post({ type: 'start', id: m.id, t: absNow() })
      const cancelled = flag ? () => Atomics.load(flag, 0) !== m.gen : () => false
      const { x, completed } = spin(m.iters, cancelled)
      post({ type: 'end', id: m.id, t: absNow(), completed, x })
    }
  }
}
