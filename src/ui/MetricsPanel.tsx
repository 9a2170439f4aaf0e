import type { CSSProperties } from 'react'
import { formatCount, formatFactor, formatMs } from '../core/format'
import type { Metrics } from '../core/metrics'
import type { Trace } from '../core/trace'

/** `chars`: the widest value the card will show (its font is fitted to it), so that it keeps its size as the value arrives */
function Card({ id, label, value, raw, sub, tone, hint, data, chars = 6 }: { id: string; label: string; value: string; raw: number; sub?: string; tone?: 'good' | 'warn'; hint?: string; data?: number; chars?: number }) {
  return (
    <div className={`card ${tone ?? ''}`} data-metric={id} data-value={Number.isFinite(raw) ? raw : ''} data-compute-ms={data} title={hint}>
      <div className="card-label">{label}</div>
      {/* one line, its size fitted to the card's width (styles.css): a long count never wraps and grows the panel */}
      <div className="card-value" style={{ '--chars': Math.max(chars, value.length) } as CSSProperties}>
        {value}
      </div>
      {sub && <div className="card-sub">{sub}</div>}
    </div>
  )
}

/** Real ms to the µs: "0.052 ms", or a bare dash before there is a value */
const ms3 = (x: number) => (Number.isFinite(x) ? `${x.toFixed(3)} ms` : '—')
/** A ratio: "1.011×", or a bare dash when there is none (no "—×") */
const times = (x: number, digits: number) => (Number.isFinite(x) ? `${formatFactor(x, digits)}×` : '—')

/** Scenario ms of the ideal schedule (its makespan when it ends, else NaN). */
function theoryMakespan(theory: Trace | null): number {
  return theory && theory.status === 'done' ? theory.endT / theory.timeScale : NaN
}

/** Measured against theory, and what the machine is. Cards that do not apply to this run are left out. */
interface Props {
  trace: Trace | null
  metrics: Metrics | null
  theory: Trace | null
  stale: boolean
  continuous: boolean
  /** ms the theory worker took for the ideal schedule shown (0 = from the cache) */
  theoryMs: number
}

export function MetricsPanel({ trace, metrics, theory, stale, continuous, theoryMs }: Props) {
  if (!trace || !metrics) {
    const ms = theoryMakespan(theory)
    return (
      <section className="metrics" aria-label="Metrics">
        <Card
          id="theory"
          label={continuous ? 'Theory' : 'Theory makespan'}
          value={theory ? (theory.status === 'failed' ? 'deadlock' : continuous ? `${formatMs(theory.end / theory.timeScale)} ahead` : formatMs(ms)) : '…'}
          raw={ms}
          sub={theory ? `sequential Σ = ${formatMs(theory.plannedWork())}` : 'computing the ideal schedule'}
          hint={theoryMs > 0 ? `the same program on a virtual clock, computed in ${theoryMs.toFixed(0)} ms off the main thread` : 'the same program on a virtual clock'}
          data={theoryMs}
        />
        <div className="metrics-empty">
          Press <kbd>Space</kbd> to run it for real. The dashed bars are the ideal schedule.
        </div>
      </section>
    )
  }
  const m = metrics
  // a replay shows the numbers as they stood at its moment: as the live run showed them then
  const replaying = Number.isFinite(m.replayAt)
  const running = m.status === 'running' || replaying
  const ratioTone = !Number.isFinite(m.ratio) ? undefined : m.ratio <= 1.1 ? 'good' : 'warn'
  const planned = Number.isFinite(m.jobsPlanned) ? `/${formatCount(m.jobsPlanned)}` : ''
  // a pipeline or producer–consumer counts one job per stage of each item (a whole number of jobs per item)
  const jobsPerItem = Number.isFinite(m.jobsPlanned) && trace.scenario.shared.n > 0 ? m.jobsPlanned / trace.scenario.shared.n : 1
  const perItem = Number.isInteger(jobsPerItem) ? jobsPerItem : 1
  // a run until Stop has a card of its own for the jobs done: the first one says how long it has run
  const counting = running && !continuous
  const finished = m.status === 'done' && !continuous
  return (
    <section className={`metrics ${stale ? 'stale' : ''}`} aria-label="Metrics">
      <Card
        id="makespan"
        label={counting ? 'Jobs done' : finished ? 'Measured makespan' : 'Elapsed'}
        value={counting ? `${formatCount(m.jobsDone)}${planned}` : formatMs(finished ? m.makespan : m.elapsed)}
        raw={m.makespan}
        sub={replaying ? `replay at ${formatMs(m.replayAt)}` : m.status === 'done' ? undefined : m.status}
      />
      {!continuous && (
        <>
          <Card id="theory" label="Theory" value={formatMs(m.theory)} raw={m.theory} sub={theory ? `sequential Σ = ${formatMs(theory.plannedWork())}` : 'computing…'} />
          <Card id="ratio" label="Measured / theory" hint="measured makespan over the ideal schedule's makespan: 1.00× is a perfect run" value={times(m.ratio, 3)} raw={m.ratio} tone={ratioTone} />
          <Card id="speedup" label="Speed-up vs sequential" hint="Σ of all planned work over the measured makespan" value={times(m.speedup, 1)} raw={m.speedup} />
        </>
      )}
      {continuous && <Card id="jobs" label="Jobs done" value={formatCount(m.jobsDone)} raw={m.jobsDone} sub="in this run" />}
      <Card id="goroutines" label="Goroutines peak / total" value={`${formatCount(m.peakGoroutines)} / ${formatCount(m.totalGoroutines)}`} raw={m.peakGoroutines} sub="main included" hint="alive at once / spawned in all; main and helper goroutines count too" />
      <Card id="concurrency" label="Peak concurrency" value={formatCount(m.peakConcurrency)} raw={m.peakConcurrency} sub="jobs in progress at once" />
      {/* items per second where an item is several jobs (one per stage), as the stage graph counts them */}
      <Card id="throughput" label="Throughput" value={Number.isFinite(m.throughput) ? `${formatCount(Math.round(m.throughput / perItem))}/s` : '—'} raw={m.throughput / perItem} sub={perItem > 1 ? `items of ${perItem} jobs each` : 'jobs per scenario second'} hint={perItem > 1 ? `each item is ${perItem} jobs here, one per stage: ${formatCount(Math.round(m.throughput))} jobs/s in all` : undefined} />
      {m.jobsFailed > 0 && <Card id="failed" label="Failed or dropped" value={formatCount(m.jobsFailed)} raw={m.jobsFailed} sub="jobs, each with its reason" tone="warn" />}
      {m.hasCpu && (
        <Card id="overhead" label="Dispatch overhead" hint="cpu jobs: a segment posted to a thread until that thread began computing" value={ms3(m.overheadMedian)} raw={m.overheadMedian} chars={8} sub={Number.isFinite(m.overheadMedian) ? `median; p95 ${ms3(m.overheadP95)}` : running ? 'median, once a job begins' : 'no cpu job began in this run'} />
      )}
      {m.hasIo && (
        <Card id="lateness" label="Timer lateness" hint="how much longer io waits lasted than planned" value={ms3(m.latenessMedian)} raw={m.latenessMedian} chars={8} sub={Number.isFinite(m.latenessMedian) ? `median; p95 ${ms3(m.latenessP95)}` : running ? 'median, once a wait ends' : 'no io wait ended in this run'} />
      )}
      <Card
        id="threads"
        label="Threads"
        value={`T = ${m.threads}`}
        raw={m.threads}
        sub={`${m.threads > m.hardwareConcurrency ? `${m.hardwareConcurrency} cores: ${m.hardwareConcurrency} at once` : `of ${m.hardwareConcurrency} cores`} · ${trace.meta.crossOriginIsolated ? 'isolated' : 'not isolated'}`}
        hint={m.threads > m.hardwareConcurrency ? 'threads beyond the core count take turns on the same cores: they add no parallelism' : undefined}
        tone={m.threads > m.hardwareConcurrency ? 'warn' : undefined}
      />
    </section>
  )
}
