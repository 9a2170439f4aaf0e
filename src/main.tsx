import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { warmUp } from './store/actions'
import { notify } from './store/notices'
import { loadPins } from './store/pins'
import { startTheorySync } from './store/theory'
import { startUrlSync } from './store/urlSync'
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

// Offline support for the built app (see public/sw.js); not in development, where files change.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}))
}

// Workers start once the first frame is on screen (see warmUp).
setTimeout(() => void warmUp(), 300)
