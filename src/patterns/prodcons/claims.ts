import type { Claim } from '../../core/scenario'

/**
 * What the talk says about each preset of this pattern (by preset id), held against the theory and
 * the measured run. Loaded when a scene's claims are first shown (`() => import('./claims')`).
 */
export const PRODCONS_CLAIMS: Readonly<Record<string, readonly Claim[]>> = {
  'bursty-buffer-backpressure': [{ says: 'a buffered channel absorbs bursts; an unbuffered one gives instant backpressure', note: 'measured: 2,820 ms unbuffered, 2,100 ms from 5 slots on' }],
  'event-generator-backpressure': [
    { says: 'the whole demo runs in 28 MB of RAM', rhetorical: true, note: 'no code behind the number in the notes; this page keeps flat memory (see the benchmark), which is not the same thing' },
    { says: 'built-in flow control through the 100-slot buffer', note: 'true: once it is full the generator blocks and its rate drops to the writer’s 40/s' },
  ],
}
