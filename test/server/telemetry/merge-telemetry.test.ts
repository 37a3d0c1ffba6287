import type { ServerPoint, WorkerPoint } from '../../../common/queue/telemetry-point';
import { bucketOf, mergeTelemetry } from '../../../server/telemetry/merge-telemetry';

const BUCKET = 2000;
const T0 = 1_800_000_000_000; // a bucket boundary
const options = { now: T0 + 10_000, since: 0, bucketMs: BUCKET, windowMs: 600_000, liveMs: 6000 };

function server(id: string, at: number, fields: Partial<ServerPoint> = {}): ServerPoint {
  return {
    kind: 'server',
    id,
    pid: 1,
    hostname: 'host',
    startedAt: T0 - 60_000,
    at,
    intervalMs: BUCKET,
    loopDelayP99Ms: 1,
    loopUtilization: 0.1,
    rssBytes: 100e6,
    heapUsedBytes: 50e6,
    mode: 'normal',
    rung: 0,
    served: {},
    shed: {},
    queue: { waiting: 0, active: 0, failed: 0, delayed: 0, paused: false },
    ...fields,
  };
}

function worker(id: string, at: number, fields: Partial<WorkerPoint> = {}): WorkerPoint {
  return {
    kind: 'worker',
    id,
    pid: 2,
    hostname: 'host',
    startedAt: T0 - 60_000,
    at,
    intervalMs: BUCKET,
    loopDelayP99Ms: 2,
    loopUtilization: 0.5,
    rssBytes: 200e6,
    heapUsedBytes: 80e6,
    completed: 0,
    failed: 0,
    active: 0,
    concurrency: 2,
    renderMs: null,
    renderSampleMs: [],
    ...fields,
  };
}

describe('merging the points of every process into time buckets', () => {
  it('puts a point in the bucket that holds the middle of its interval, however late it was written', () => {
    expect(bucketOf({ at: T0 + 2000 + 30, intervalMs: 2000 }, BUCKET)).toBe(T0);
    expect(bucketOf({ at: T0 + 2000 + 900, intervalMs: 2000 }, BUCKET)).toBe(T0);
    expect(bucketOf({ at: T0 + 2000 - 900, intervalMs: 2000 }, BUCKET)).toBe(T0);
  });

  it('sums requests over the servers and turns them into rates per second, by class', () => {
    const merged = mergeTelemetry(
      [
        { id: 's1', points: [server('s1', T0 + 2010, { served: { page: 10, api: 4 }, shed: { page: 6 } })] },
        { id: 's2', points: [server('s2', T0 + 2040, { served: { page: 2, printJobSubmit: 2 }, shed: { print: 4, mystery: 2 } })] },
      ],
      options,
    );
    expect(merged.buckets).toHaveLength(1);
    const [bucket] = merged.buckets;
    expect(bucket!.t).toBe(T0);
    expect(bucket!.servers).toBe(2);
    expect(bucket!.served).toMatchObject({ page: 6, api: 2, print: 1, download: 0 });
    expect(bucket!.shed).toMatchObject({ page: 3, print: 2, other: 1 });
  });

  it('takes the highest mode, queue reading, event-loop delay and memory, not their sum', () => {
    const merged = mergeTelemetry(
      [
        { id: 's1', points: [server('s1', T0 + 2010, { rung: 1, mode: 'busy', loopDelayP99Ms: 40, rssBytes: 150e6, queue: { waiting: 30, active: 4, failed: 1, delayed: 0, paused: false } })] },
        { id: 's2', points: [server('s2', T0 + 2020, { rung: 3, mode: 'maintenance', loopDelayP99Ms: 12, rssBytes: 180e6, queue: { waiting: 28, active: 4, failed: 2, delayed: 0, paused: true } })] },
      ],
      options,
    );
    const [bucket] = merged.buckets;
    expect(bucket).toMatchObject({ rung: 3, serverLoopDelayMs: 40, serverRssBytes: 180e6, queue: { waiting: 30, active: 4, failed: 2, delayed: 0, paused: true } });
  });

  it('counts jobs per minute over the workers and pools their render times before taking percentiles', () => {
    const merged = mergeTelemetry(
      [
        { id: 'w1', points: [worker('w1', T0 + 2010, { completed: 3, renderSampleMs: [10, 20, 30], renderMs: { p50: 20, p95: 30, p99: 30 } })] },
        { id: 'w2', points: [worker('w2', T0 + 2010, { completed: 1, failed: 1, renderSampleMs: [1000], renderMs: { p50: 1000, p95: 1000, p99: 1000 } })] },
      ],
      options,
    );
    const [bucket] = merged.buckets;
    expect(bucket).toMatchObject({ workers: 2, servers: 0, jobsPerMinute: 120, failedPerMinute: 30, renderMs: { p50: 20, p95: 1000, p99: 1000 }, workerLoopDelayMs: 2, workerRssBytes: 200e6 });
    // No server reported: the server figures are unknown, not zero.
    expect(bucket).toMatchObject({ rung: null, queue: null, serverLoopDelayMs: null });
  });

  it('gives buckets oldest first, from `since` on, and lists the processes with whether they are live', () => {
    const merged = mergeTelemetry(
      [
        { id: 's1', points: [server('s1', T0 + 8010), server('s1', T0 + 6010), server('s1', T0 + 4010), server('s1', T0 + 2010)] },
        { id: 'w1', points: [worker('w1', T0 + 2010)] },
      ],
      { ...options, since: T0 + 3000 },
    );
    expect(merged.buckets.map((b) => b.t - T0)).toEqual([2000, 4000, 6000]);
    expect(merged.processes.map((p) => [p.id, p.kind, p.live])).toEqual([
      ['s1', 'server', true],
      ['w1', 'worker', false],
    ]);
  });

  it('leaves out points older than the window', () => {
    const merged = mergeTelemetry([{ id: 's1', points: [server('s1', T0 + 2010)] }], { ...options, now: T0 + 700_000 });
    expect(merged.buckets).toEqual([]);
    expect(merged.processes).toEqual([]);
  });
});
