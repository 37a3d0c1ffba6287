import crypto from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createFailFastRedis } from '../../../common/node/redis-connection';
import { redisProbes } from '../../../server/overload/redis-probes';
import { startTestRedis } from '../../support/test-redis';
import { waitFor } from '../../support/wait-for';

/** A short PING timeout, so a frozen Redis is seen quickly. */
const PING_TIMEOUT_MS = 200;

describe('the Redis and print-queue probes', () => {
  let server: Awaited<ReturnType<typeof startTestRedis>>;
  let redis: Redis;
  let queue: Queue;
  const closers: Array<() => Promise<unknown>> = [];
  /** Connection options, not a connection: BullMQ then makes its own and closes it with the queue or worker. */
  const ownConnection = () => ({ host: '127.0.0.1', port: server.options.port, maxRetriesPerRequest: null });

  beforeAll(async () => {
    server = await startTestRedis();
  });
  afterAll(async () => {
    await server.cleanup();
  });
  beforeEach(async () => {
    redis = createFailFastRedis(server.url);
    await waitFor('the probe connection is ready', () => redis.status === 'ready');
    queue = new Queue(`probe-${crypto.randomUUID()}`, { connection: ownConnection() });
  });
  afterEach(async () => {
    server.thaw();
    for (const close of closers.splice(0)) await close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    redis?.disconnect();
  });

  describe('redis()', () => {
    it('says up, with the PING round trip, while Redis answers', async () => {
      const reading = await redisProbes(redis, queue, PING_TIMEOUT_MS).redis();
      expect(reading.up).toBe(true);
      expect(reading.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('says down at once when the connection is not ready, without sending anything', async () => {
      const probes = redisProbes(redis, queue, PING_TIMEOUT_MS);
      redis.disconnect();
      await waitFor('the probe connection is down', () => redis.status !== 'ready');
      const ping = jest.spyOn(redis, 'ping');
      expect(await probes.redis()).toEqual({ up: false, latencyMs: null });
      expect(ping).not.toHaveBeenCalled();
    });

    it('says down when the PING fails', async () => {
      const probes = redisProbes(redis, queue, PING_TIMEOUT_MS);
      jest.spyOn(redis, 'ping').mockRejectedValueOnce(new Error('Connection is closed.'));
      expect(await probes.redis()).toEqual({ up: false, latencyMs: null });
    });

    it('reads one timed-out PING of a frozen Redis as slow, and two in a row as down; one answer resets the count', async () => {
      const probes = redisProbes(redis, queue, PING_TIMEOUT_MS);
      server.freeze();
      const readings = [];
      // A timeout that this process's own loop stalled past is not counted, so allow a few more readings
      // than two on a busy machine; the first must never be "down".
      do readings.push(await probes.redis());
      while (readings.at(-1)!.up && readings.length < 8);
      expect(readings[0]).toEqual({ up: true, latencyMs: PING_TIMEOUT_MS });
      expect(readings.at(-1)).toEqual({ up: false, latencyMs: null });
      expect(readings.length).toBeGreaterThanOrEqual(2);

      server.thaw();
      await waitFor('Redis answers again', async () => (await probes.redis()).latencyMs !== PING_TIMEOUT_MS);
      server.freeze();
      // After an answer, the next timeout is one again: slow, not down.
      expect(await probes.redis()).toEqual({ up: true, latencyMs: PING_TIMEOUT_MS });
    });

    it('does not count a timeout when its own event loop was stalled past it (the answer may be unread in the socket)', async () => {
      const probes = redisProbes(redis, queue, PING_TIMEOUT_MS);
      server.freeze();
      const first = probes.redis();
      // Hold this process's loop for three timeouts, as a long garbage collection would.
      const until = performance.now() + PING_TIMEOUT_MS * 3;
      while (performance.now() < until);
      expect(await first).toEqual({ up: true, latencyMs: PING_TIMEOUT_MS });
      const held = probes.redis();
      const again = performance.now() + PING_TIMEOUT_MS * 3;
      while (performance.now() < again);
      expect(await held).toEqual({ up: true, latencyMs: PING_TIMEOUT_MS });
    });
  });

  describe('queue()', () => {
    it('counts waiting, prioritised and delayed jobs as the backlog', async () => {
      await queue.add('a', {});
      await queue.add('b', {}, { priority: 3 });
      await queue.add('c', {}, { delay: 60_000 });
      const reading = await redisProbes(redis, queue).queue();
      expect(reading).toEqual({ waiting: 3, active: 0, finished: 0, workers: 0, paused: false });
    });

    it('counts completed and failed jobs as finished, and says when printing is paused', async () => {
      await queue.add('ok', {});
      await queue.add('bad', {});
      const worker = new Worker(
        queue.name,
        async (job) => {
          if (job.name === 'bad') throw new Error('poison');
        },
        { connection: ownConnection() },
      );
      closers.push(() => worker.close());
      const probes = redisProbes(redis, queue);
      await waitFor('both jobs finished', async () => (await probes.queue()).finished === 2);
      await queue.pause();
      expect(await probes.queue()).toMatchObject({ waiting: 0, active: 0, finished: 2, paused: true });
    });

    it('counts the workers on the first reading and then every fourth, keeping the count between', async () => {
      const probes = redisProbes(redis, queue);
      expect((await probes.queue()).workers).toBe(0);
      const worker = new Worker(queue.name, async () => undefined, { connection: ownConnection() });
      closers.push(() => worker.close());
      await worker.waitUntilReady();
      await waitFor('the worker is connected', async () => (await queue.getWorkersCount()) === 1);
      for (let i = 2; i <= 4; i++) expect((await probes.queue()).workers).toBe(0);
      expect((await probes.queue()).workers).toBe(1);
    });

    it('reports the worker count as unknown when Redis refuses CLIENT LIST', async () => {
      jest.spyOn(queue, 'getWorkersCount').mockRejectedValueOnce(new Error('NOPERM'));
      expect((await redisProbes(redis, queue).queue()).workers).toBeNull();
    });
  });
});
