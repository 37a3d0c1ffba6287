import { useState } from 'react';
import type { PerGroup, TelemetryBucket } from '../../../common/api/admin-telemetry';
import { count, megabytes, millis, perMinute, perSecond } from './format-figures';
import { ModeStrip } from './mode-strip';
import type { TelemetryHistory } from './telemetry-history';
import { TimeSeriesChart, type ChartSeries } from './time-series-chart';

/** The console's palette (AA contrast on white for the legend's text is given by the text colour, not these). */
const COLOUR = { blue: '#1a4fd6', purple: '#7a3fb8', red: '#a50d23', green: '#2f7d45', grey: '#6b6b6b', amber: '#b07800' } as const;

/** The spans an admin can look back over, minutes. */
const SPANS = [2, 5, 10] as const;

/** The traffic classes drawn, and the classes folded into "other". */
const CLASSES: Array<{ key: string; label: string; colour: string; of: (g: PerGroup) => number }> = [
  { key: 'page', label: 'pages', colour: COLOUR.blue, of: (g) => g.page },
  { key: 'api', label: 'API', colour: COLOUR.purple, of: (g) => g.api },
  { key: 'print', label: 'print jobs', colour: COLOUR.red, of: (g) => g.print },
  { key: 'download', label: 'downloads', colour: COLOUR.green, of: (g) => g.download },
  { key: 'other', label: 'admin and other', colour: COLOUR.grey, of: (g) => g.admin + g.health + g.other },
];

/** Small time-series charts of every live figure, over the last 2, 5 or 10 minutes. */
export function TelemetryCharts({ history }: { history: TelemetryHistory }) {
  const [span, setSpan] = useState<(typeof SPANS)[number]>(5);
  const to = history.now;
  const from = to - span * 60_000;
  const buckets = history.buckets.filter((b) => b.t >= from - history.bucketMs);
  const times = buckets.map((b) => b.t);
  const column = (f: (b: TelemetryBucket) => number | null): Array<number | null> => buckets.map(f);
  const common = { times, from, to, bucketMs: history.bucketMs };
  const byClass = (which: 'served' | 'shed'): ChartSeries[] => CLASSES.map((c) => ({ key: c.key, label: c.label, colour: c.colour, values: column((b) => c.of(b[which])) }));
  return (
    <section className="console-section" aria-labelledby="figures-heading">
      <div className="section-head">
        <h2 id="figures-heading">Live figures</h2>
        <fieldset className="span-picker">
          <legend className="visually-hidden">Time span of the charts</legend>
          {SPANS.map((m) => (
            <label key={m} className={m === span ? 'span-option span-option-current' : 'span-option'}>
              <input type="radio" name="span" value={m} checked={m === span} onChange={() => setSpan(m)} />
              {m} min
            </label>
          ))}
        </fieldset>
      </div>
      <p className="field-hint">Every server and worker, merged into {history.bucketMs / 1000}-second steps.</p>
      <div className="chart-grid">
        <ModeStrip {...common} rungs={column((b) => b.rung)} />
        <TimeSeriesChart title="Requests served" {...common} series={byClass('served')} format={perSecond} />
        <TimeSeriesChart title="Requests shed (503 and 429)" {...common} series={byClass('shed')} format={perSecond} />
        <TimeSeriesChart
          title="Print queue"
          {...common}
          format={count}
          minScale={5}
          series={[
            { key: 'waiting', label: 'waiting', colour: COLOUR.blue, values: column((b) => b.queue?.waiting ?? null) },
            { key: 'active', label: 'rendering', colour: COLOUR.green, values: column((b) => b.queue?.active ?? null) },
            { key: 'failed', label: 'failed', colour: COLOUR.red, values: column((b) => b.queue?.failed ?? null) },
          ]}
        />
        <TimeSeriesChart
          title="Print jobs per minute"
          {...common}
          format={perMinute}
          minScale={10}
          series={[
            { key: 'done', label: 'done', colour: COLOUR.green, values: column((b) => b.jobsPerMinute) },
            { key: 'failed', label: 'failed attempts', colour: COLOUR.red, values: column((b) => b.failedPerMinute) },
          ]}
        />
        <TimeSeriesChart
          title="Render time"
          {...common}
          format={millis}
          minScale={100}
          series={[
            { key: 'p50', label: 'median', colour: COLOUR.blue, values: column((b) => b.renderMs?.p50 ?? null) },
            { key: 'p95', label: 'p95', colour: COLOUR.purple, values: column((b) => b.renderMs?.p95 ?? null) },
            { key: 'p99', label: 'p99', colour: COLOUR.red, values: column((b) => b.renderMs?.p99 ?? null) },
          ]}
        />
        <TimeSeriesChart
          title="Live processes"
          {...common}
          format={count}
          minScale={2}
          series={[
            { key: 'workers', label: 'workers', colour: COLOUR.green, values: column((b) => b.workers) },
            { key: 'servers', label: 'servers', colour: COLOUR.blue, values: column((b) => b.servers) },
          ]}
        />
        <TimeSeriesChart
          title="Event-loop delay (p99, worst process)"
          {...common}
          format={millis}
          minScale={20}
          series={[
            { key: 'servers', label: 'servers', colour: COLOUR.blue, values: column((b) => b.serverLoopDelayMs) },
            { key: 'workers', label: 'workers', colour: COLOUR.amber, values: column((b) => b.workerLoopDelayMs) },
          ]}
        />
        <TimeSeriesChart
          title="Memory (largest process)"
          {...common}
          format={megabytes}
          minScale={100e6}
          series={[
            { key: 'servers', label: 'servers', colour: COLOUR.blue, values: column((b) => b.serverRssBytes) },
            { key: 'workers', label: 'workers', colour: COLOUR.amber, values: column((b) => b.workerRssBytes) },
          ]}
        />
      </div>
    </section>
  );
}
