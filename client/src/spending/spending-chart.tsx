import { useId } from 'react';
import { formatPounds } from '../../../common/spending/money';
import { formatDay } from '../../../common/spending/uk-date';
import type { CandidateTotals } from '../api/spending-api';
import { niceCeiling } from '../admin/chart-geometry';
import { Swatch } from '../admin/time-series-chart';

/** Colours of the candidates' lines, in order (the console's palette: each 4.5:1 or more on white). */
export const CANDIDATE_COLOURS = ['#1a4fd6', '#a50d23', '#2f7d45', '#7a3fb8', '#b07800', '#6b6b6b'] as const;

/** Drawing units of the plot; it is stretched to its box (lines keep their width: non-scaling-stroke). */
const W = 600;
const H = 180;
const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Spending over time: each candidate's cumulative spending by the day it was incurred (a step up on
 * each day with spending, corrections included), and their limit as a dashed line of the same colour,
 * from the first day with spending to polling day. Drawn by hand in SVG with the console chart's
 * scale and swatches (admin/chart-geometry.ts, time-series-chart.tsx); the summary and the legend
 * carry the figures in words.
 */
export function SpendingChart({ candidates, pollingDay }: { candidates: readonly CandidateTotals[]; pollingDay: string }) {
  const id = useId();
  const days = candidates.flatMap((c) => c.series.map((p) => p.day));
  if (days.length === 0) return <p>No spending recorded yet: the chart starts with the first entry.</p>;
  const firstDay = dayNumber(days.reduce((a, b) => (a < b ? a : b)));
  const last = Math.max(dayNumber(pollingDay), ...days.map(dayNumber), firstDay + 1);
  // A little room before the first spending, so its step up is seen rather than lost on the left edge.
  const first = firstDay - Math.max(1, Math.round((last - firstDay) / 20));
  const peak = Math.max(1, ...candidates.flatMap((c) => [...c.series.map((p) => p.cumulativePence), c.limitPence ?? 0]));
  const top = niceCeiling(peak);
  const x = (day: number) => ((day - first) / (last - first)) * W;
  const y = (pence: number) => H - (Math.max(0, Math.min(pence, top)) / top) * (H - 4) - 1;
  const summary = `Spending over time, ${formatDay(days.reduce((a, b) => (a < b ? a : b)))} to ${formatDay(pollingDay)}. ${candidates
    .map((c) => `${c.name}: ${formatPounds(c.totalPence)}${c.limitPence === null ? ', no limit set' : ` of ${formatPounds(c.limitPence)}`}`)
    .join('; ')}.`;
  return (
    <figure className="spending-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>Spending over time</h3>
      </figcaption>
      <div className="spending-chart-plot">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
          {[0.5, 1].map((f) => (
            <line key={f} className="chart-rule" x1={0} x2={W} y1={y(top * f)} y2={y(top * f)} vectorEffect="non-scaling-stroke" />
          ))}
          <line className="chart-axis" x1={0} x2={W} y1={y(0)} y2={y(0)} vectorEffect="non-scaling-stroke" />
          {candidates.map((c, i) => {
            const colour = CANDIDATE_COLOURS[i % CANDIDATE_COLOURS.length]!;
            let d = `M0 ${y(0).toFixed(1)}`;
            for (const p of c.series) d += ` H${x(dayNumber(p.day)).toFixed(1)} V${y(p.cumulativePence).toFixed(1)}`;
            d += ` H${W}`;
            return (
              <g key={c.id}>
                <path className="chart-line" d={d} stroke={colour} vectorEffect="non-scaling-stroke" />
                {c.limitPence !== null ? <line x1={0} x2={W} y1={y(c.limitPence)} y2={y(c.limitPence)} stroke={colour} strokeDasharray="6 4" strokeWidth={1.5} vectorEffect="non-scaling-stroke" /> : null}
              </g>
            );
          })}
        </svg>
        <span className="chart-scale chart-scale-top" aria-hidden="true">
          {formatPounds(top)}
        </span>
        <span className="chart-scale chart-scale-mid" aria-hidden="true">
          {formatPounds(Math.round(top / 2))}
        </span>
      </div>
      <div className="chart-time" aria-hidden="true">
        <span>{formatDay(days.reduce((a, b) => (a < b ? a : b)))}</span>
        <span>Polling day {formatDay(pollingDay)}</span>
      </div>
      <ul className="chart-legend">
        {candidates.map((c, i) => (
          <li key={c.id}>
            <Swatch colour={CANDIDATE_COLOURS[i % CANDIDATE_COLOURS.length]!} />
            {c.name} <strong>{formatPounds(c.totalPence)}</strong>
            {c.limitPence !== null ? <span>(limit {formatPounds(c.limitPence)}, dashed)</span> : null}
          </li>
        ))}
      </ul>
    </figure>
  );
}
