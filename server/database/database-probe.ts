import { sql, type Kysely } from 'kysely';
import { withTimeout } from '../../common/node/with-timeout';
import type { DatabaseReading } from '../overload/probes';
import type { Database } from './schema';

/** Longest the overload sampler waits for `select 1`, milliseconds: longer counts as down. */
export const DATABASE_PROBE_TIMEOUT_MS = 1_000;

/** The overload ladder's PostgreSQL probe: availability and round trip of `select 1` through the pool. */
export function databaseProbe(db: Kysely<Database>): () => Promise<DatabaseReading> {
  return async () => {
    const started = performance.now();
    try {
      await withTimeout(sql`select 1`.execute(db), DATABASE_PROBE_TIMEOUT_MS, 'database probe timed out');
      return { up: true, latencyMs: performance.now() - started };
    } catch {
      return { up: false, latencyMs: null };
    }
  };
}
