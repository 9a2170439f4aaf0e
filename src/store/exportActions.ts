import { notify } from './notices'

/** The exports the tools offer (store/exports.ts). */
export type ExportName = 'copyAscii' | 'copySvg' | 'savePng' | 'downloadTrace'

/**
 * Runs an export. Its code (store/exports.ts, and the writers it loads in turn) is loaded the first
 * time one is used: the first page does without it. An export that cannot load or fails says so in
 * a notice.
 */
export async function runExport(name: ExportName): Promise<void> {
  try {
    const exports = await import('./exports')
    await exports[name]()
  } catch (e) {
    notify('error', `The export failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
