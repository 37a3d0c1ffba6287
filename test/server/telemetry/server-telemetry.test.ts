import { createMetricsRegistry } from '../../../common/node/metrics-registry';
import { createServerMetrics } from '../../../server/metrics/server-metrics';
import { serverTelemetry } from '../../../server/telemetry/server-telemetry';

function setUp(queue = { getJobCounts: async () => ({ waiting: 5, active: 2, failed: 1, delayed: 0 }), isPaused: async () => false }) {
  const metrics = createServerMetrics(createMetricsRegistry({ processMetrics: false }));
  let now = 1_800_000_000_000;
  const overload = { mode: 'normal', rung: 0 };
  const telemetry = serverTelemetry({
    processId: 'server-test-1',
    hostname: 'test',
    pid: 1234,
    startedAt: now,
    registry: metrics.registry,
    overload,
    queue,
    vitals: { read: () => ({ loopDelayP99Ms: 3, loopUtilization: 0.2, rssBytes: 100e6, heapUsedBytes: 40e6 }) },
    now: () => now,
  });
  const request = (cls: string, status: string) => metrics.observeRequest({ method: 'GET', route: '/x', status, class: cls }, 0.01);
  return { metrics, telemetry, overload, request, tick: (ms = 2000) => (now += ms) };
}

describe('a server process telemetry point', () => {
  it('takes only the starting point of the counters on the first call when it was not primed', async () => {
    const { telemetry, request } = setUp();
    request('page', '200');
    expect(await telemetry.collect(2000)).toBeNull();
  });

  it('counts from the moment it was primed in its first point', async () => {
    const { telemetry, request } = setUp();
    request('page', '200'); // before publishing started: not counted
    await telemetry.prime();
    request('page', '200');
    expect(await telemetry.collect(2000)).toMatchObject({ served: { page: 1 } });
  });

  it('counts what was served and shed in the interval only, never since start-up', async () => {
    const { telemetry, metrics, request, tick, overload } = setUp();
    for (let i = 0; i < 50; i++) request('page', '200'); // before the first point: not counted
    await telemetry.collect(2000);

    tick();
    request('page', '200');
    request('page', '304');
    request('api', '429'); // refused by a limiter inside Express
    request('print', '503'); // refused by the app (queue unavailable)
    metrics.recordShed('page', 'overloaded'); // answered by the gate before Express
    metrics.recordRateLimited('download', 'downloads');
    overload.mode = 'busy';
    overload.rung = 1;
    const point = await telemetry.collect(2000);
    expect(point).toMatchObject({
      kind: 'server',
      id: 'server-test-1',
      mode: 'busy',
      rung: 1,
      served: { page: 2 },
      shed: { api: 1, print: 1, page: 1, download: 1 },
      queue: { waiting: 5, active: 2, failed: 1, delayed: 0, paused: false },
      loopDelayP99Ms: 3,
      intervalMs: 2000,
    });

    tick();
    expect(await telemetry.collect(2000)).toMatchObject({ served: {}, shed: {} });
  });

  it('still sends its point without queue counts when Redis does not answer', async () => {
    const { telemetry } = setUp({ getJobCounts: () => Promise.reject(new Error('Connection is closed.')), isPaused: async () => false });
    await telemetry.collect(2000);
    expect(await telemetry.collect(2000)).toMatchObject({ queue: null });
  });
});
