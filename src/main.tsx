import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { warmUp } from './store/actions'
import { notify } from './store/notices'
import { loadPins } from './store/pins'
import { startTheorySync } from './store/theory'
import { startUrlSync } from './store/urlSync'
import { startServiceWorker } from './serviceWorker'
import { App } from './ui/App'
import './ui/styles.css'

startUrlSync()
startTheorySync()
// the runs pinned on an earlier visit (kept in IndexedDB)
void loadPins().then((problems) => problems.forEach((p) => notify('warning', p)))
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Offline support and cross-origin isolation on any static host (src/sw.ts); not in development,
// where files change.
if (import.meta.env.PROD) startServiceWorker()

// Workers start once the first frame is on screen (see warmUp).
setTimeout(() => void warmUp(), 300)
