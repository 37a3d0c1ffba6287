import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import pino from 'pino';
import { loadConfig, type Config } from '../../common/node/config';
import { DirectoryFileStore } from '../../common/node/file-store';
import { createFailFastRedis, createWorkerRedis } from '../../common/node/redis-connection';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../common/queue/names';
import { createApp } from '../../server/app';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { PrintQueue } from '../../server/print-jobs/print-queue';
import { FontCache } from '../../worker/pdf/font-cache';
import { renderJob } from '../../worker/render-job';
import { startTestRedis } from './test-redis';

/**
 * The real server app and the real worker processor, in this process, against a real redis-server of
 * the test's own and a temporary file store. `renders` counts PDFs actually drawn.
 * @param clientDir Folder of the built browser client to serve (end-to-end tests pass dist/client).
 */
export async function startRosette(env: Record<string, string> = {}, clientDir?: string) {
  const redis = await startTestRedis();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-files-'));
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: redis.url, FILES_DIR: dir, ...env });
  const logger = pino({ level: 'silent' });
  const serverRedis = createFailFastRedis(redis.url);
  serverRedis.on('error', () => undefined);
  const store = new DirectoryFileStore(dir);
  await seedSampleAssets(store);
  const queue = new PrintQueue(serverRedis);
  queue.queue.on('error', () => undefined);
  const app = createApp({ config, logger, redis: serverRedis, queue, store, now: Date.now, clientDir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;

  const stats = { renders: 0 };
  const fonts = new FontCache();
  const workerRedis = createWorkerRedis(redis.url);
  workerRedis.on('error', () => undefined);
  const worker = new Worker(
    PRINT_QUEUE,
    async (job) => {
      const result = await renderJob(job, { store, fonts, clock: () => performance.now() });
      if (result.renderMs > 0) stats.renders += 1;
      return result;
    },
    { connection: workerRedis, prefix: QUEUE_PREFIX, concurrency: 2 },
  );
  worker.on('error', () => undefined);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    redis,
    store,
    stats,
    filesDir: dir,
    async close() {
      await worker.close();
      await new Promise((resolve) => server.close(resolve));
      await queue.close();
      serverRedis.disconnect();
      workerRedis.disconnect();
      await redis.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RunningRosette = Awaited<ReturnType<typeof startRosette>>;

/** Polls a print job until it is done or failed. */
export async function waitForJob(baseUrl: string, statusUrl: string, timeoutMs = 20_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(baseUrl + statusUrl);
    const body = (await res.json()) as Record<string, any>;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`job still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
