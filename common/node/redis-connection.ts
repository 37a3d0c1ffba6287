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
