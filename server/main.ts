import path from 'node:path';
import { loadConfig } from '../common/node/config';
import { DirectoryFileStore } from '../common/node/file-store';
import { createLogger } from '../common/node/logger';
import { assertNoEviction, createFailFastRedis } from '../common/node/redis-connection';
import { createApp } from './app';
import { seedSampleAssets } from './assets/sample-assets';
import { PrintQueue } from './print-jobs/print-queue';

/** Composition root of a server process: real config, Redis, file store and clock. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger('server', config.LOG_LEVEL);
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
  const store = new DirectoryFileStore(config.FILES_DIR);
  await seedSampleAssets(store);
  const queue = new PrintQueue(redis);
  queue.queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));
  const app = createApp({ config, logger, redis, queue, store, now: Date.now, clientDir: path.join(__dirname, '..', 'client') });
  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ port: config.PORT, host: config.HOST }, `Rosette is listening on http://${config.HOST}:${config.PORT}`);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    server.close(async () => {
      await queue.close().catch(() => undefined);
      redis.disconnect();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Rosette server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
