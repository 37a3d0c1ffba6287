import { useId } from 'react';
import { niceCeiling, pathOf } from './chart-geometry';

/** One line of a chart. */
export interface ChartSeries {
  key: string;
  label: string;
  /** A colour from the console's palette (console.css names them). */
  colour: string;
  /** One value per time in `times`; null where nobody reported it. */
  values: ReadonlyArray<number | null>;
}

export interface TimeSeriesChartProps {
  title: string;
  /** Bucket start times, milliseconds since the epoch, ascending. */
  times: readonly number[];
  /** The time span drawn, milliseconds since the epoch. */
  from: number;
  to: number;
  /** Width of a bucket, milliseconds: a longer gap between two buckets breaks the line. */
  bucketMs: number;
  series: readonly ChartSeries[];
  format: (value: number) => string;
  /** The vertical scale reaches at least this, so a calm chart does not magnify noise. */
  minScale?: number;
}

/** Drawing units of the plot; it is stretched to its box (lines keep their width: non-scaling-stroke). */
const W = 600;
const H = 150;

/**
 * A small time-series chart, drawn by hand in SVG: a line per series over the last minutes, its scale
 * on the left, the latest value of each series in the legend. The legend and the SVG's label carry
 * the figures in words, for people who cannot see the lines.
 */
export function TimeSeriesChart({ title, times, from, to, bucketMs, series, format, minScale = 1 }: TimeSeriesChartProps) {
  const id = useId();
  const peak = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v))));
  const top = niceCeiling(Math.max(peak, minScale));
  const x = (t: number) => ((t + bucketMs / 2 - from) / (to - from)) * W;
  const y = (v: number) => H - (Math.min(v, top) / top) * (H - 4) - 1;
  const latest = series.map((s) => ({ ...s, value: latestOf(s.values) }));
  const minutes = Math.round((to - from) / 60_000);
  const summary = `${title}, last ${minutes} minutes. Now: ${latest.map((s) => `${s.label} ${s.value === null ? 'no figure' : format(s.value)}`).join(', ')}. Highest: ${format(peak)}.`;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption className="chart-head">
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
      </figcaption>
      <div className="chart-plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
          {[0.5, 1].map((f) => (
            <line key={f} className="chart-rule" x1={0} x2={W} y1={y(top * f)} y2={y(top * f)} vectorEffect="non-scaling-stroke" />
          ))}
          <line className="chart-axis" x1={0} x2={W} y1={y(0)} y2={y(0)} vectorEffect="non-scaling-stroke" />
          {series.map((s) => (
            <path key={s.key} className="chart-line" d={pathOf(times, s.values, bucketMs, x, y)} stroke={s.colour} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
        <span className="chart-scale chart-scale-top" aria-hidden="true">
          {format(top)}
        </span>
        <span className="chart-scale chart-scale-mid" aria-hidden="true">
          {format(top / 2)}
        </span>
      </div>
      <div className="chart-time" aria-hidden="true">
        <span>−{minutes} min</span>
        <span>now</span>
      </div>
      <ul className="chart-legend">
        {latest.map((s) => (
          <li key={s.key}>
            <Swatch colour={s.colour} />
            {s.label} <strong>{s.value === null ? '–' : format(s.value)}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A colour key: SVG attributes, since the page's Content-Security-Policy allows no inline styles. */
export function Swatch({ colour, shape = 'line' }: { colour: string; shape?: 'line' | 'block' }) {
  return (
    <svg className="chart-swatch" viewBox="0 0 16 10" aria-hidden="true" focusable="false">
      {shape === 'line' ? <line x1={1} x2={15} y1={5} y2={5} stroke={colour} strokeWidth={3} strokeLinecap="round" /> : <rect x={1} y={0} width={14} height={10} rx={2} fill={colour} />}
    </svg>
  );
}

function latestOf(values: ReadonlyArray<number | null>): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}
