import { useId } from 'react';
import { Swatch } from './time-series-chart';

/** The overload ladder's modes by rung, and their colours (console.css has the same palette). */
export const MODE_NAMES = ['normal', 'busy', 'degraded', 'maintenance'] as const;
export const MODE_COLOURS = ['#3d8c55', '#c98a00', '#d4561a', '#a50d23'] as const;

const W = 600;
const H = 40;

/**
 * The mode over time as a band of colour: one block per bucket, coloured by the highest mode any
 * server was in. The label says the mode now and the highest in the span, in words.
 */
export function ModeStrip({ times, rungs, from, to, bucketMs }: { times: readonly number[]; rungs: ReadonlyArray<number | null>; from: number; to: number; bucketMs: number }) {
  const id = useId();
  const x = (t: number) => ((t - from) / (to - from)) * W;
  const known = rungs.filter((r): r is number => r !== null);
  const now = known.at(-1);
  const highest = known.length > 0 ? Math.max(...known) : undefined;
  const minutes = Math.round((to - from) / 60_000);
  const summary = `Mode, last ${minutes} minutes. Now: ${now === undefined ? 'no figure' : MODE_NAMES[now]}. Highest: ${highest === undefined ? 'no figure' : MODE_NAMES[highest]}.`;
  return (
    <figure className="chart chart-modes" aria-labelledby={`${id}-title`}>
      <figcaption className="chart-head">
        <h3 id={`${id}-title`} className="chart-title">
          Mode (the highest of any server)
        </h3>
      </figcaption>
      <div className="chart-plot chart-plot-strip">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
          <rect className="chart-strip-empty" x={0} y={0} width={W} height={H} />
          {times.map((t, i) => {
            const rung = rungs[i];
            if (rung === null || rung === undefined) return null;
            return <rect key={t} x={x(t)} y={H - ((rung + 1) / 4) * H} width={Math.max(0.5, x(t + bucketMs) - x(t)) + 1} height={((rung + 1) / 4) * H} fill={MODE_COLOURS[rung]} />;
          })}
        </svg>
      </div>
      <div className="chart-time" aria-hidden="true">
        <span>−{minutes} min</span>
        <span>now</span>
      </div>
      <ul className="chart-legend">
        {MODE_NAMES.map((name, rung) => (
          <li key={name} className={rung === now ? 'chart-legend-current' : undefined}>
            <Swatch colour={MODE_COLOURS[rung]!} shape="block" />
            {name}
            {rung === now ? <strong> (now)</strong> : null}
          </li>
        ))}
      </ul>
    </figure>
  );
}
