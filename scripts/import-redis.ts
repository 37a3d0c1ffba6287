import { loadConfig } from '../common/node/config';
import { createFailFastRedis } from '../common/node/redis-connection';
import { createDatabase } from '../server/database/create-database';
import { importFromRedis } from '../server/database/import-from-redis';
import { migrateToLatest } from '../server/database/migrate';
import { PrintQueue } from '../server/print-jobs/print-queue';

/**
 * `npm run db:import-redis`: copies an installation's records from Redis (REDIS_URL) into PostgreSQL
 * (DATABASE_URL), migrating it first. Idempotent; Redis is only read. See docs/operations.md.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const redis = createFailFastRedis(config.REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined);
  const database = createDatabase({ url: config.DATABASE_URL, poolSize: 2, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: 600_000 });
  const queue = new PrintQueue(redis);
  queue.queue.on('error', () => undefined);
  try {
    await migrateToLatest(database.db);
    const counts = await importFromRedis(redis, database.db, { now: Date.now, queue });
    console.log(`copied from Redis into PostgreSQL (rows new this run): ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    await queue.close().catch(() => undefined);
    await database.close();
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(`db:import-redis failed: ${err instanceof Error ? err.message : String(err)} (are Redis at REDIS_URL and PostgreSQL at DATABASE_URL running?)`);
  process.exit(1);
});
