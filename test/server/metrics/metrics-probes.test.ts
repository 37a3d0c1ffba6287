import { Queue } from 'bullmq';
import { METRIC } from '../../../common/node/metric-names';
import { createMetricsRegistry } from '../../../common/node/metrics-registry';
import { createFailFastRedis } from '../../../common/node/redis-connection';
import { readWorkerHeartbeats } from '../../../common/node/worker-heartbeats';
import { PRINT_QUEUE, QUEUE_PREFIX, workerHeartbeatKey } from '../../../common/queue/names';
import { createServerMetrics } from '../../../server/metrics/server-metrics';
import { parsePrometheusText, sampleValue } from '../../support/prometheus-text';
import { startTestRedis } from '../../support/test-redis';

describe('scrape-time probes against a real Redis', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let connection: ReturnType<typeof createFailFastRedis>;
  let queue: Queue;
  beforeAll(async () => {
    redis = await startTestRedis();
    connection = createFailFastRedis(redis.url);
    connection.on('error', () => undefined);
    await new Promise((resolve) => connection.once('ready', resolve));
    queue = new Queue(PRINT_QUEUE, { connection, prefix: QUEUE_PREFIX, skipWaitingForReady: true });
    queue.on('error', () => undefined);
  });
  afterAll(async () => {
    // Disconnect first: with Redis already stopped, close() would wait on a reconnecting connection.
    connection.disconnect();
    await queue.close().catch(() => undefined);
    await redis.cleanup();
  });

  const scrape = async () => {
    const registry = createMetricsRegistry({ processMetrics: false });
    createServerMetrics(registry, { jobCounts: (...states) => queue.getJobCounts(...states), workerHeartbeats: () => readWorkerHeartbeats(connection) });
    return parsePrometheusText(await registry.metrics());
  };

  it('counts waiting jobs and live workers', async () => {
    await queue.addBulk([1, 2, 3].map((n) => ({ name: 'render-pdf', data: { n } })));
    const now = Date.now();
    const beat = { id: 'host-1-abc', pid: 4242, hostname: 'host', startedAt: now - 1000, at: now, ttlMs: 15_000, concurrency: 2, active: 1, completed: 7, recreations: 0 };
    await connection.set(workerHeartbeatKey(beat.id), JSON.stringify(beat), 'PX', beat.ttlMs);
    const samples = await scrape();
    expect(sampleValue(samples, METRIC.queueJobs, { state: 'waiting' })).toBe(3);
    expect(sampleValue(samples, METRIC.queueJobs, { state: 'failed' })).toBe(0);
    expect(sampleValue(samples, METRIC.workersLive)).toBe(1);
    expect(sampleValue(samples, METRIC.workerSlots)).toBe(2);
    expect(sampleValue(samples, METRIC.probeUp, { probe: 'queue' })).toBe(1);
  });

  describe('when Redis is down', () => {
    // That a scrape never waits longer than PROBE_TIMEOUT_MS on Redis is shown with a fake clock in
    // server-metrics.test.ts; here, that against a real Redis that is gone the scrape answers at all.
    it('still answers, with the figures unknown', async () => {
      await redis.stop();
      const samples = await scrape();
      expect(sampleValue(samples, METRIC.queueJobs, { state: 'waiting' })).toBeNaN();
      expect(sampleValue(samples, METRIC.workersLive)).toBeNaN();
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'queue' })).toBe(0);
      expect(sampleValue(samples, METRIC.probeUp, { probe: 'workers' })).toBe(0);
    });
  });
});
