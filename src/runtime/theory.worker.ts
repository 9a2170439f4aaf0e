/// <reference lib="webworker" />
import * as Comlink from 'comlink'
import type { Scenario } from '../core/scenario'
import { REGISTRY } from '../patterns/registry'
import { runVirtual, type VirtualRun } from '../patterns/theory'

/**
 * The theory worker: runs a scenario's program on a virtual clock (the ideal schedule), off the
 * main thread and off the scheduler, which may be timing a real run meanwhile.
 */
const api = {
  async plan(scenario: Scenario, cpus: number): Promise<VirtualRun> {
    const run = await runVirtual(REGISTRY, scenario, cpus)
    return Comlink.transfer(run, [run.events.buffer])
  },
}

export type TheoryApi = typeof api

Comlink.expose(api)
