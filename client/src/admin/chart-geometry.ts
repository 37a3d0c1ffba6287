/** The arithmetic of the console's charts (time-series-chart.tsx), apart so tests can reach it. */

/** The SVG path of one series: a new stroke after a missing value or a gap of more than one bucket. */
export function pathOf(times: readonly number[], values: ReadonlyArray<number | null>, bucketMs: number, x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let previous: number | null = null;
  times.forEach((t, i) => {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      previous = null;
      return;
    }
    const joined = previous !== null && t - previous <= bucketMs * 1.5;
    const point = `${x(t).toFixed(1)} ${y(v).toFixed(1)}`;
    // A lone point is drawn as a dot (a round cap on a stroke of no length).
    d += joined ? ` L${point}` : ` M${point} l0.01 0`;
    previous = t;
  });
  return d.trim();
}

/** The smallest of 1, 2, 2.5, 5 × 10^n at or above `n`. */
export function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}
