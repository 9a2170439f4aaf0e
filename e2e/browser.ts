import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/**
 * Playwright's own Chromium when it is installed; otherwise the system's (Debian's chromium), with
 * flags that work in a sandbox without network. A normal setup is not affected.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  let own = ''
  try {
    own = chromium.executablePath()
  } catch {
    own = ''
  }
  if (own && existsSync(own)) return { args: [] }
  const system = process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM.find((p) => existsSync(p))
  if (!system) return { args: [] }
  return {
    executablePath: system,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  }
}
