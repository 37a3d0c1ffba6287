import { createMetricsRegistry } from '../common/node/metrics-registry';
import { startMetricsServer } from '../common/node/metrics-server';
import { readWorkerHeartbeats } from '../common/node/worker-heartbeats';
import { createServerMetrics } from './metrics/server-metrics';
import { MODES } from './overload/modes';
import path from 'node:path';
import { loadConfig } from '../common/node/config';
import { DirectoryFileStore } from '../common/node/file-store';
import { createLogger, logFormatFor } from '../common/node/logger';
import { assertNoEviction, assertRedisVersion, createFailFastRedis } from '../common/node/redis-connection';
import { withTimeout } from '../common/node/with-timeout';
import { createAccountServices } from './accounts/account-services';
import { ensureFirstAdmin } from './accounts/ensure-first-admin';
import { seedSampleAssets } from './assets/sample-assets';
import { createHttpServer } from './http-server';
import { PrintQueue } from './print-jobs/print-queue';
import { createDatabase } from './database/create-database';
import { migrateWhenReachable } from './database/migrate';
import { startServerTelemetry } from './telemetry/server-telemetry';

/** Longest a SIGTERM may take, milliseconds: requests in flight get this less FORCE_CLOSE_MS. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Of that time, what is kept for forcing connections closed and exiting, milliseconds. */
const FORCE_CLOSE_MS = 2_000;

/** Composition root of a server process: real config, Redis, file store and clock. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger('server', config.LOG_LEVEL, undefined, logFormatFor(config, process.stdout.isTTY));
  const redis = createFailFastRedis(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  await new Promise<void>((resolve) => {
    // Start serving either way (downloads need no Redis); just give the connection a moment first.
    const timer = setTimeout(resolve, 3000);
    redis.once('ready', () => (clearTimeout(timer), resolve()));
  });
  await assertNoEviction(redis).catch((err: Error) => {
    if (/maxmemory-policy/.test(err.message)) {
      logger.fatal(err.message);
      process.exit(1);
    }
  });
  await assertRedisVersion(redis).catch((err: Error) => {
    if (/print queue needs/.test(err.message)) {
      logger.fatal(err.message);
      process.exit(1);
    }
  });
  const database = createDatabase({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    onIdleError: (err) => logger.warn({ err: err.message }, 'postgres connection problem'),
  });
  // Every server migrates at start (under the migrator's advisory lock, so once); none serves an old schema.
  const migrated = await migrateWhenReachable(database.db, logger);
  if (migrated.length > 0) logger.info({ migrations: migrated }, 'database migrated');
  const store = new DirectoryFileStore(config.FILES_DIR);
  await seedSampleAssets(store);
  const queue = new PrintQueue(redis);
  queue.queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));
  // Throws (the server does not start) in production without a strong SESSION_SECRET.
  const accounts = createAccountServices({ redis, db: database.db, config, now: Date.now });
  await ensureFirstAdmin(config, accounts, logger).catch((err: Error) => logger.warn({ err: err.message }, 'could not make the first admin now (is Redis up?); will try again at the next start'));
  const registry = createMetricsRegistry();
  const metrics = createServerMetrics(registry, {
    jobCounts: (...states) => queue.queue.getJobCounts(...states),
    workerHeartbeats: () => readWorkerHeartbeats(redis),
    // Read at scrape time, once `http` exists.
    mode: { modes: MODES, current: () => http.overload.mode },
  });
  const http = createHttpServer({ config, logger, redis, db: database.db, queue, store, now: Date.now, clientDir: path.join(__dirname, '..', 'client'), accounts, metrics });
  const metricsServer = await startMetricsServer({ registry, host: config.METRICS_HOST, port: config.METRICS_PORT }).catch((err: Error) => {
    logger.warn({ err: err.message }, 'metrics endpoint not started');
    return null;
  });
  if (http.admin.generated && config.NODE_ENV !== 'production') {
    // Development only: say the made-up status token once (it can only read GET /api/admin/status).
    logger.warn(`no ADMIN_TOKEN set: the admin API takes this one until the server stops: ${http.admin.token}`);
  }
  await http.listen(config.PORT, config.HOST);
  if (config.PRIORITY_PORT) await http.listenPriority(config.PRIORITY_PORT, config.HOST);
  // One point of this process's figures every 2 s for the admin console (skipped while Redis is away).
  const telemetry = startServerTelemetry({ redis, registry, overload: http.overload, queue: queue.queue, logger });
  logger.info({ port: config.PORT, priorityPort: config.PRIORITY_PORT || undefined, host: config.HOST, mode: http.overload.mode }, `Rosette is listening on http://${config.HOST}:${config.PORT}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    // The last resort, should even forcing hang: unref'd, so it never keeps a finished process alive.
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    const graceful = (async () => {
      await http.close();
      await metricsServer?.close();
      await telemetry.stop();
      await queue.close().catch(() => undefined);
      await database.close().catch(() => undefined);
    })();
    void withTimeout(graceful, SHUTDOWN_LIMIT_MS - FORCE_CLOSE_MS).then(
      () => {
        redis.disconnect();
        process.exit(0);
      },
      () => {
        logger.error('shutdown did not finish in time; forcing connections closed');
        redis.disconnect();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Rosette server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
