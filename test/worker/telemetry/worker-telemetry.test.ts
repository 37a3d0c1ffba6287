import { evenSample, RENDER_SAMPLE_SIZE, WorkerTelemetry } from '../../../worker/telemetry/worker-telemetry';

function setUp() {
  return new WorkerTelemetry({
    processId: 'worker-test-1',
    hostname: 'test',
    pid: 99,
    startedAt: 1,
    load: () => ({ active: 1, concurrency: 2 }),
    vitals: { read: () => ({ loopDelayP99Ms: 1, loopUtilization: 0.1, rssBytes: 200e6, heapUsedBytes: 60e6 }) },
    now: () => 1_800_000_000_000,
  });
}

describe('a worker process telemetry point', () => {
  it('counts the jobs of the interval and its render time percentiles, then starts afresh', () => {
    const telemetry = setUp();
    for (let ms = 1; ms <= 100; ms++) telemetry.recordCompleted({ renderMs: ms });
    telemetry.recordCompleted({ renderMs: 0 }); // its PDF was already there: completed, not drawn
    telemetry.recordFailed();
    const point = telemetry.collect(2000);
    expect(point).toMatchObject({ kind: 'worker', completed: 101, failed: 1, active: 1, concurrency: 2, renderMs: { p50: 50, p95: 95, p99: 99 } });
    expect(point.renderSampleMs).toHaveLength(100);

    expect(telemetry.collect(2000)).toMatchObject({ completed: 0, failed: 0, renderMs: null, renderSampleMs: [] });
  });

  it('carries an even sample of its render times when there were many', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i);
    const sample = evenSample(sorted, RENDER_SAMPLE_SIZE);
    expect(sample).toHaveLength(RENDER_SAMPLE_SIZE);
    expect(sample[0]).toBeLessThan(5);
    expect(sample.at(-1)).toBeGreaterThan(995);
    expect(sample[100]).toBeCloseTo(502, -1);
  });
});
