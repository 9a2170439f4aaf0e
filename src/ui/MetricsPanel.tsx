import type { Metrics } from '../core/metrics'
import type { Theory } from '../core/theory'
import type { Trace } from '../core/trace'
import { formatMs } from '../viz/format'

function Card({ id, label, value, raw, sub, tone, hint }: { id: string; label: string; value: string; raw: number; sub?: string; tone?: 'good' | 'warn'; hint?: string }) {
  return (
    <div className={`card ${tone ?? ''}`} data-metric={id} data-value={Number.isFinite(raw) ? raw : ''} title={hint}>
      <div className="card-label">{label}</div>
      <div className={`card-value ${value.length > 9 ? 'long' : ''}`}>{value}</div>
      {sub && <div className="card-sub">{sub}</div>}
    </div>
  )
}

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—')

/** Measured against theory, and what the machine is. */
export function MetricsPanel({ trace, metrics, theory, stale }: { trace: Trace | null; metrics: Metrics | null; theory: Theory; stale: boolean }) {
  if (!trace || !metrics) {
    return (
      <section className="metrics" aria-label="Metrics">
        <Card id="theory" label="Theory makespan" value={formatMs(theory.makespan)} raw={theory.makespan} sub={`sequential Σd = ${formatMs(theory.sequential)}`} />
        <div className="metrics-empty">Press <kbd>Space</kbd> to run it for real. The dashed bars are the ideal schedule.</div>
      </section>
    )
  }
  const m = metrics
  const running = m.status === 'running'
  const ratioTone = !Number.isFinite(m.ratio) ? undefined : m.ratio <= 1.1 ? 'good' : 'warn'
  return (
    <section className={`metrics ${stale ? 'stale' : ''}`} aria-label="Metrics">
      <Card id="makespan" label="Measured makespan" value={running ? `${m.jobsDone}/${m.jobsTotal} jobs` : formatMs(m.makespan)} raw={m.makespan} sub={m.status === 'done' ? undefined : m.status} />
      <Card id="theory" label="Theory" value={formatMs(m.theory)} raw={m.theory} sub={`sequential Σd = ${formatMs(trace.theory.sequential)}`} />
      <Card id="ratio" label="Measured / theory" hint="measured makespan over the ideal schedule's makespan: 1.00× is a perfect run" value={`${f(m.ratio, 3)}×`} raw={m.ratio} tone={ratioTone} />
      <Card id="speedup" label="Speed-up vs sequential" value={`${f(m.speedup, 1)}×`} raw={m.speedup} />
      <Card id="goroutines" label="Goroutines peak / total" value={`${m.peakGoroutines.toLocaleString('en-US')} / ${m.totalGoroutines.toLocaleString('en-US')}`} raw={m.peakGoroutines} sub="main included" hint="alive at once / spawned in all; main (and the pool's producer) count too" />
      <Card id="concurrency" label="Peak concurrency" value={m.peakConcurrency.toLocaleString('en-US')} raw={m.peakConcurrency} sub="jobs in progress at once" />
      <Card id="throughput" label="Throughput" value={Number.isFinite(m.throughput) ? `${Math.round(m.throughput).toLocaleString('en-US')}/s` : '—'} raw={m.throughput} sub="per scenario second" />
      <Card id="overhead" label="Dispatch overhead" hint="job start − handoff: a cpu segment posted to a thread until that thread began computing; an io wait handed out until its timer was armed" value={`${f(m.overheadMedian, 3)} ms`} raw={m.overheadMedian} sub={`median; p95 ${f(m.overheadP95, 3)} ms`} />
      <Card id="lateness" label="Timer lateness" hint="how much longer io waits lasted than planned" value={Number.isFinite(m.latenessMedian) ? `${f(m.latenessMedian, 3)} ms` : '—'} raw={m.latenessMedian} sub={`median; p95 ${f(m.latenessP95, 3)} ms`} />
      <Card id="threads" label="Threads" value={`T = ${m.threads}`} raw={m.threads} sub={`of ${m.hardwareConcurrency} cores${trace.meta.crossOriginIsolated ? ' · isolated' : ' · not isolated'}`} />
    </section>
  )
}
