import { Redis, type RedisOptions } from 'ioredis';

/**
 * A connection for request paths (the server's queue producer, status reads): no offline queue and a
 * single retry, so when Redis is down a request fails within a second instead of hanging.
 */
export function createFailFastRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
    ...options,
  });
}

/** A connection for BullMQ workers, which must block and retry forever (BullMQ requires maxRetriesPerRequest: null). */
export function createWorkerRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...options,
  });
}

/** Eviction policies under which Redis never drops keys, so never drops an accepted job. */
const SAFE_POLICIES = new Set(['noeviction']);

/**
 * Refuses a Redis whose eviction policy could delete queued jobs when memory fills up.
 * Reads INFO (works on managed Redis where CONFIG is disabled).
 */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory');
  const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  if (policy && !SAFE_POLICIES.has(policy)) {
    throw new Error(`Redis has maxmemory-policy ${policy}, which could silently drop print jobs; set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction)`);
  }
}

/** Oldest Redis the print queue runs on (BullMQ 6's own minimum). */
export const MINIMUM_REDIS_VERSION = '5.0.0';

/**
 * Refuses a Redis older than BullMQ needs. The server's queue and flow producer skip BullMQ's own check
 * (print-queue.ts says why), so it is made here, once, at start; a Redis that cannot be read now is let
 * through (the queue's commands then fail fast until it answers).
 */
export async function assertRedisVersion(redis: Pick<Redis, 'info'>): Promise<void> {
  const info = await redis.info('server');
  const version = /(?:^|\n)redis_version:(\S+)/.exec(info)?.[1];
  if (version && olderThan(version, MINIMUM_REDIS_VERSION)) {
    throw new Error(`Redis version ${version} is older than the ${MINIMUM_REDIS_VERSION} the print queue needs; upgrade Redis`);
  }
}

/** Whether dotted version `a` is older than `b` (missing parts count as 0). */
function olderThan(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split('.').map((n) => Number.parseInt(n, 10) || 0));
  for (let i = 0; i < Math.max(x!.length, y!.length); i++) {
    const d = (x![i] ?? 0) - (y![i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}
