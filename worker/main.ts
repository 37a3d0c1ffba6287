import { Worker } from 'bullmq';
import { loadConfig } from '../common/node/config';
import { DirectoryFileStore } from '../common/node/file-store';
import { createLogger } from '../common/node/logger';
import { createWorkerRedis } from '../common/node/redis-connection';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../common/queue/names';
import type { PrintJobData, PrintJobResult } from '../common/queue/print-job';
import { FontCache } from './pdf/font-cache';
import { renderJob } from './render-job';

/** Composition root of a worker process. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger('worker', config.LOG_LEVEL);
  const store = new DirectoryFileStore(config.FILES_DIR);
  const fonts = new FontCache();
  const connection = createWorkerRedis(config.REDIS_URL);
  connection.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
  const deps = { store, fonts, clock: () => performance.now() };
  const worker = new Worker<PrintJobData, PrintJobResult>(PRINT_QUEUE, (job) => renderJob(job, deps), {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    /** Lock for 30 s, renewed every 15 s; a render yields between pages so renewal is never starved. */
    lockDuration: 30_000,
    maxStalledCount: 2,
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'print job failed'));
  worker.on('completed', (job, result) => logger.info({ jobId: job.id, pages: result.pages, bytes: result.bytes, renderMs: result.renderMs }, 'print job done'));
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker ready');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing the jobs in hand');
    await worker.close();
    connection.disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Rosette worker could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
