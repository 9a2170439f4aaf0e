import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startUrlSync } from './store/urlSync'
import { App } from './ui/App'
import './ui/styles.css'

startUrlSync()
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
