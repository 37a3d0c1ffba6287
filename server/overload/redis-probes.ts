import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueReading, RedisReading } from './probes';

/** How long a PING may take, milliseconds; one that takes longer is read as this slow. */
export const PING_TIMEOUT_MS = 1000;
/**
 * PINGs in a row that must time out before Redis counts as down. A refused or broken connection counts
 * at once (the connection is then not ready); a slow one only after this many, since a single slow
 * answer on a busy machine says "slow" (the latency rule), not "gone".
 */
export const TIMEOUTS_FOR_DOWN = 3;
/** Workers are counted (CLIENT LIST, the dearest probe) on every this-many-th queue reading. */
const WORKER_COUNT_EVERY = 4;

/**
 * Redis and the print queue, read through the server's own fail-fast connection: when the connection
 * is not ready the answer is "down" at once, without waiting for a timeout.
 */
export function redisProbes(redis: Redis, queue: Queue, pingTimeoutMs = PING_TIMEOUT_MS): { redis(): Promise<RedisReading>; queue(): Promise<QueueReading> } {
  let readings = 0;
  let workers: number | null = null;
  let timeouts = 0;
  return {
    async redis() {
      if (redis.status !== 'ready') return { up: false, latencyMs: null };
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = Symbol('timed out');
      try {
        const answer = await Promise.race([
          redis.ping(),
          new Promise<typeof timedOut>((resolve) => {
            timer = setTimeout(() => resolve(timedOut), pingTimeoutMs);
          }),
        ]);
        if (answer === timedOut) {
          timeouts += 1;
          return timeouts >= TIMEOUTS_FOR_DOWN ? { up: false, latencyMs: null } : { up: true, latencyMs: pingTimeoutMs };
        }
        timeouts = 0;
        return { up: true, latencyMs: performance.now() - started };
      } catch {
        return { up: false, latencyMs: null };
      } finally {
        clearTimeout(timer);
      }
    },
    async queue() {
      if (readings++ % WORKER_COUNT_EVERY === 0) workers = await queue.getWorkersCount().catch(() => null);
      const [counts, paused] = await Promise.all([queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'), queue.isPaused()]);
      const n = (state: string) => counts[state] ?? 0;
      return { waiting: n('waiting') + n('prioritized') + n('delayed'), active: n('active'), finished: n('completed') + n('failed'), workers, paused };
    },
  };
}
