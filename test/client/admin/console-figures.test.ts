import type { AdminTelemetryResponse, TelemetryBucket } from '../../../common/api/admin-telemetry';
import { niceCeiling, pathOf } from '../../../client/src/admin/chart-geometry';
import { mergeHistory, nextSince } from '../../../client/src/admin/telemetry-history';

const T0 = 1_800_000_000_000;
const bucket = (t: number, servers = 1) => ({ t, servers }) as TelemetryBucket;
const answer = (now: number, buckets: TelemetryBucket[]): AdminTelemetryResponse => ({ now, bucketMs: 2000, windowMs: 600_000, buckets, processes: [] });

describe('the console keeping the figures between polls', () => {
  it('asks for the whole window first, then from a bucket before the newest it holds', () => {
    expect(nextSince(null)).toBeNull();
    const history = mergeHistory(null, answer(T0 + 6000, [bucket(T0), bucket(T0 + 2000)]));
    expect(nextSince(history)).toBe(T0);
  });

  it('replaces a bucket that comes again (it may hold more processes now) and keeps time order', () => {
    const first = mergeHistory(null, answer(T0 + 6000, [bucket(T0), bucket(T0 + 2000, 1)]));
    const next = mergeHistory(first, answer(T0 + 8000, [bucket(T0 + 2000, 3), bucket(T0 + 4000)]));
    expect(next.buckets.map((b) => [b.t - T0, b.servers])).toEqual([
      [0, 1],
      [2000, 3],
      [4000, 1],
    ]);
  });

  it('drops buckets that left the window', () => {
    const first = mergeHistory(null, answer(T0 + 6000, [bucket(T0), bucket(T0 + 4000)]));
    expect(mergeHistory(first, answer(T0 + 602_000, [])).buckets.map((b) => b.t - T0)).toEqual([4000]);
  });
});

describe('drawing a chart line', () => {
  const x = (t: number) => (t - T0) / 1000;
  const y = (v: number) => 100 - v;

  it('joins neighbouring buckets and breaks the line at a missing value or a gap', () => {
    const times = [T0, T0 + 2000, T0 + 4000, T0 + 6000, T0 + 12_000, T0 + 14_000];
    expect(pathOf(times, [1, 2, null, 4, 5, 6], 2000, x, y)).toBe('M0.0 99.0 l0.01 0 L2.0 98.0 M6.0 96.0 l0.01 0 M12.0 95.0 l0.01 0 L14.0 94.0');
  });

  it('scales to a round number at or above the peak', () => {
    expect([0, 0.3, 1, 7, 12, 180, 2300].map(niceCeiling)).toEqual([1, 0.5, 1, 10, 20, 200, 2500]);
  });
});
