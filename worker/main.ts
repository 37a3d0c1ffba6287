import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from '../common/node/config';
import { createFileStore } from '../common/node/create-file-store';
import { AssetCachingStore } from '../common/node/asset-caching-store';
import { createLogger, logFormatFor } from '../common/node/logger';
import { createMetricsRegistry } from '../common/node/metrics-registry';
import { startMetricsServer, type MetricsServer } from '../common/node/metrics-server';
import { createRenderMetrics } from '../common/node/render-metrics';
import { createFailFastRedis, createWorkerRedis } from '../common/node/redis-connection';
import { withTimeout } from '../common/node/with-timeout';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../common/queue/names';
import { DESIGN_ERROR_PREFIX } from '../common/queue/print-job';
import { FontCache } from './pdf/font-cache';
import { RenderPool } from './render-pool/render-pool';
import { isRenderResult, queueProcessor, type QueueJobResult } from './queue-processor';
import { WorkerSupervisor } from './worker-supervisor';
import { startWorkerTelemetry } from './telemetry/worker-telemetry';

/**
 * Longest a SIGTERM may take, milliseconds: with no job in hand, this; with jobs in hand, the longest
 * render plus this. Redis that is frozen or gone must not keep the process (BullMQ's connection retries
 * forever); a job left unfinished is taken by another worker once its lock expires.
 */
const SHUTDOWN_MARGIN_MS = 10_000;
/** Of that time, what is kept for forcing connections closed and exiting, milliseconds. */
const FORCE_CLOSE_MS = 2_000;

/** Composition root of a worker process. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger('worker', config.LOG_LEVEL, undefined, logFormatFor(config, process.stdout.isTTY));
  if (config.WORKER_NICE > 0) {
    // Before the render threads start: on Linux they inherit the priority of the thread that makes them.
    try {
      os.setPriority(Math.max(os.getPriority(), config.WORKER_NICE));
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'could not lower the worker process priority');
    }
  }
  const store = new AssetCachingStore(createFileStore(config));
  const registry = createMetricsRegistry();
  const metrics = createRenderMetrics(registry);
  // GET /metrics and GET /healthz (the container's health check) on a port of their own; a worker
  // whose port is taken still renders.
  const metricsServer: MetricsServer | null = await startMetricsServer({ registry, host: config.METRICS_HOST, port: config.WORKER_METRICS_PORT }).catch((err: Error) => {
    logger.warn({ err: err.message, port: config.WORKER_METRICS_PORT }, 'metrics endpoint not started');
    return null;
  });
  const workerId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const pool = new RenderPool({
    size: config.WORKER_CONCURRENCY,
    timeoutMs: config.WORKER_RENDER_TIMEOUT_MS,
    onThreadLost: (reason) => logger.warn({ reason }, 'render thread replaced'),
  });
  const deps = { store, render: pool.render, clock: () => performance.now() };
  const load = { active: 0, completed: 0 };
  // One point of this process's figures every 2 s for the admin console, on a fail-fast connection of
  // its own (BullMQ's retries forever); the BullMQ connection already logs Redis problems.
  const telemetryRedis = createFailFastRedis(config.REDIS_URL);
  telemetryRedis.on('error', () => undefined);
  const { telemetry, stop: stopTelemetry } = startWorkerTelemetry({ redis: telemetryRedis, load: () => ({ active: load.active, concurrency: config.WORKER_CONCURRENCY }), logger });

  // Renders, and print runs' own steps once their renders are done.
  // The run step reads its renders' designs (job data) and draws the combined PDF on this thread, a page at a time.
  const jobReaderRedis = createWorkerRedis(config.REDIS_URL);
  jobReaderRedis.on('error', () => undefined);
  const jobReader = new Queue(PRINT_QUEUE, { connection: jobReaderRedis, prefix: QUEUE_PREFIX });
  jobReader.on('error', () => undefined);
  const processJob = queueProcessor({
    ...deps,
    fonts: new FontCache(),
    readJobData: async (id) => (await jobReader.getJob(id))?.data ?? null,
    now: Date.now,
    onStoreWait: (job, err, delayMs) => logger.warn({ jobId: job.id, code: err.code, operation: err.operation, delayMs }, 'print job waits for the file store'),
  });

  const createWorker = (connection: Redis) => {
    connection.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
    const worker = new Worker<unknown, QueueJobResult>(
      PRINT_QUEUE,
      async (job, token) => {
        load.active += 1;
        try {
          return await processJob(job, token);
        } finally {
          load.active -= 1;
        }
      },
      {
        connection,
        prefix: QUEUE_PREFIX,
        name: workerId,
        concurrency: config.WORKER_CONCURRENCY,
        /** Renders run on pool threads, so the main thread is always free to renew this lock at half its duration. */
        lockDuration: config.WORKER_LOCK_MS,
        stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
        drainDelay: config.WORKER_DRAIN_DELAY_S,
        maxStalledCount: 2,
      },
    );
    worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
    worker.on('stalled', (jobId) => logger.warn({ jobId }, 'print job stalled (its worker stopped); it goes back to the queue'));
    worker.on('failed', (job, err) => {
      metrics.failed(err.message.startsWith(DESIGN_ERROR_PREFIX) ? 'design' : 'error');
      telemetry.recordFailed();
      logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, reason: err.message }, 'print job failed');
    });
    worker.on('completed', (job, result) => {
      if (!isRenderResult(result)) return void logger.info({ jobId: job.id, renders: result.renders, pages: result.pages }, 'print run done');
      load.completed += 1;
      metrics.completed(result);
      telemetry.recordCompleted(result);
      logger.info({ jobId: job.id, pages: result.pages, bytes: result.bytes, renderMs: result.renderMs }, 'print job done');
    });
    return worker;
  };

  const supervisor = new WorkerSupervisor({
    workerId,
    hostname: os.hostname(),
    startedAt: Date.now(),
    concurrency: config.WORKER_CONCURRENCY,
    heartbeatMs: config.WORKER_HEARTBEAT_MS,
    watchdogMs: config.WORKER_WATCHDOG_MS,
    connect: () => createWorkerRedis(config.REDIS_URL),
    createWorker,
    load: () => load,
    logger,
    now: Date.now,
  });
  supervisor.start();
  logger.info({ workerId, concurrency: config.WORKER_CONCURRENCY, renderTimeoutMs: config.WORKER_RENDER_TIMEOUT_MS, metricsPort: metricsServer?.port ?? null }, 'worker ready');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, jobsInHand: load.active }, 'shutting down: finishing the jobs in hand');
    const limitMs = (load.active > 0 ? config.WORKER_RENDER_TIMEOUT_MS : 0) + SHUTDOWN_MARGIN_MS;
    // The last resort, should even forcing hang: unref'd, so it never keeps a finished process alive.
    setTimeout(() => {
      logger.error('shutdown did not finish even when forced; exiting anyway');
      process.exit(1);
    }, limitMs).unref();
    const graceful = (async () => {
      await supervisor.close();
      await pool.close();
      await jobReader.close().catch(() => undefined);
      await stopTelemetry();
    })();
    const clean = await withTimeout(graceful, limitMs - FORCE_CLOSE_MS).then(
      () => true,
      () => false,
    );
    if (!clean) {
      logger.error({ jobsInHand: load.active }, 'shutdown did not finish in time; forcing connections closed');
      supervisor.disconnect();
    }
    telemetryRedis.disconnect();
    jobReaderRedis.disconnect();
    await withTimeout(Promise.all([clean ? undefined : pool.close(), metricsServer?.close()]), FORCE_CLOSE_MS / 2).catch(() => undefined);
    logger.info(clean ? 'worker stopped' : 'worker stopped with its connections forced closed');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Rosette worker could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
