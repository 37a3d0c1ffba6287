/**
 * Exponentially weighted moving average over time: after `tauMs` of steady samples the average has
 * moved about 63% of the way to them, whatever the sampling interval.
 * @param previous The average so far; null before the first sample (which is then taken as it is).
 * @param dtMs Milliseconds since the previous sample.
 * @param tauMs Time constant, milliseconds.
 */
export function ewma(previous: number | null, sample: number, dtMs: number, tauMs: number): number {
  if (previous === null || !Number.isFinite(previous)) return sample;
  const alpha = 1 - Math.exp(-Math.max(0, dtMs) / tauMs);
  return previous + alpha * (sample - previous);
}
