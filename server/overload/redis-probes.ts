import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueReading, RedisReading } from './probes';

/** How long a PING may take, milliseconds; one that takes longer is read as this slow. */
export const PING_TIMEOUT_MS = 500;
/**
 * PINGs in a row that must time out before Redis counts as down. A refused or broken connection counts
 * at once (the connection is then not ready); a frozen one (SIGSTOP, a long fork: the socket stays open,
 * nothing answers) after this many, about 1.5 s with samples every 500 ms; a single slow answer on a busy
 * machine says "slow" (the latency rule), not "gone".
 */
export const TIMEOUTS_FOR_DOWN = 2;
/**
 * A timeout whose timer fired this much later than asked says that this process's event loop was stalled,
 * not that Redis was: the answer may be waiting, unread, in the socket. Such a timeout is not counted.
 */
const STALLED_LOOP_FACTOR = 1.5;
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
          if (performance.now() - started > pingTimeoutMs * STALLED_LOOP_FACTOR) return { up: true, latencyMs: pingTimeoutMs };
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
