import { Engine } from '../runtime/engine'
import { notify } from './notices'

let engine: Engine | null = null

/** The one Engine (workers are created on first use, so tests of pure state never spawn any). */
export function getEngine(): Engine {
  if (!engine || engine.broken) {
    engine = new Engine()
    engine.onProblem = (text) => notify('error', text, 'workers')
  }
  return engine
}

/** The Engine if one was made (Stop has nothing to stop otherwise). */
export function currentEngine(): Engine | null {
  return engine
}
