import type { Redis } from 'ioredis';
import { WORKER_HEARTBEAT_PREFIX } from '../queue/names';
import { workerHeartbeatSchema, type WorkerHeartbeat } from '../queue/worker-heartbeat';

/** Keys SCAN returns per round trip while looking for heartbeats. */
const SCAN_COUNT = 100;

/**
 * The heartbeats of the workers alive right now (their keys have not expired). A value that does not
 * parse is skipped, not thrown: one odd key must not blind the server to the others. Throws when Redis
 * does not answer, which the caller should read as "unknown", not as "no workers".
 */
export async function readWorkerHeartbeats(redis: Redis): Promise<WorkerHeartbeat[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${WORKER_HEARTBEAT_PREFIX}*`, 'COUNT', SCAN_COUNT);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  const beats: WorkerHeartbeat[] = [];
  for (const value of values) {
    if (!value) continue;
    try {
      const parsed = workerHeartbeatSchema.safeParse(JSON.parse(value));
      if (parsed.success) beats.push(parsed.data);
    } catch {
      // Not JSON: skip it.
    }
  }
  return beats;
}
