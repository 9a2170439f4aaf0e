import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const PIPELINE_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'pipeline-bottleneck': [
    { says: 'the pipeline is limited by its slowest stage, the writer', note: 'true: 2 writers of 40 ms pass 50 items/s, whatever the other stages do' },
    { says: 'one stage after another per record: 3.1 ms a record, 62 ms here (×20)', value: 12_400, of: 'makespan:sequential', unit: 'ms' },
    { says: 'with 4 workers per stage, 6.7× faster', value: 6.7, of: 'ratio:sequential/writers 4', unit: '×', note: 'the notes’ box says 4 workers per stage while their code runs 2 writers; with 4 writers the model gives 6.1×' },
  ],
}
