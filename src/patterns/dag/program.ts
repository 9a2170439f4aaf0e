import type { Chan } from '../../core/chan'
import type { ListItem } from '../../core/params'
import type { PatternProgram } from '../module'
import { taskJob } from '../tasks'
import { nodesOf, phasesOf } from './graph'

export interface Params {
  tasks: readonly ListItem[]
  mode: 'sequential' | 'phases' | 'dag'
}

/**
 * The same calls three ways: one after another; in phases, each phase fanned out and closed by
 * wg.Wait() (a barrier); or as a dependency graph, where each call starts as soon as the calls it
 * needs have closed their `done` channels (close wakes every waiter at once).
 */
export const DAG_PROGRAM: PatternProgram<Params> = {
  id: 'dag',
  program: async (main, { params, shared }) => {
    const nodes = nodesOf(params.tasks)
    const job = (name: string, group: string) => {
      const i = nodes.findIndex((n) => n.name === name)
      return taskJob(nodes[i], i, shared, group)
    }
    if (params.mode === 'sequential') {
      for (const n of nodes) await main.run(job(n.name, 'calls'))
      return
    }
    const wg = main.waitGroup('wg')
    if (params.mode === 'phases') {
      for (const phase of phasesOf(nodes)) {
        wg.add(phase.length)
        for (const n of phase) {
          main.go(n.name, async (g) => {
            await g.run(job(n.name, `phase ${n.phase}`))
            wg.done()
          }, `phase ${n.phase}`)
        }
        await main.wait(wg)
        main.mark('barrier', wg.resource)
      }
      return
    }
    // dependency graph: done[x] is closed when x has finished; a call first receives from the done
    // channel of each call it needs (a receive on a closed channel returns at once)
    const done = new Map<string, Chan<never>>()
    for (const n of nodes) done.set(n.name, main.chan<never>(`${n.name} done`, 0))
    wg.add(nodes.length)
    for (const n of nodes) {
      main.go(n.name, async (g) => {
        for (const d of n.after) await g.recv(done.get(d) as Chan<never>)
        await g.run(job(n.name, 'calls'))
        g.close(done.get(n.name) as Chan<never>)
        wg.done()
      }, 'calls')
    }
    await main.wait(wg)
  },
}
