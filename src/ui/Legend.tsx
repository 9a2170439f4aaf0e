import { LEGEND } from '../viz/palette'
import { fillFor } from '../viz/hatch'

/** Hatched swatches reuse the timeline's <pattern> defs by id (same document). */
export function Legend() {
  return (
    <div className="legend" role="group" aria-label="Legend">
      {LEGEND.map((l) => (
        <span key={l.state} className="legend-item" title={l.hint}>
          <svg width="26" height="16" aria-hidden="true">
            <rect width="26" height="16" rx="3" fill={fillFor(l.state)} />
          </svg>
          {l.label}
        </span>
      ))}
      <span className="legend-item" title="the ideal schedule, computed">
        <svg width="26" height="16" aria-hidden="true">
          <rect x="1" y="1" width="24" height="14" rx="2" fill="rgba(100,116,139,0.16)" stroke="rgba(71,85,105,0.55)" strokeDasharray="3 2" />
        </svg>
        theory
      </span>
      <span className="legend-item" title="the goroutine returned">
        <b className="exit done">✓</b> done
      </span>
      <span className="legend-item" title="the goroutine was cut off (Stop, or main returned)">
        <b className="exit cancelled">✕</b> cancelled
      </span>
    </div>
  )
}
