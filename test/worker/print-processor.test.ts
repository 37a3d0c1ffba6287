import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { DirectoryFileStore, type FileStore } from '../../common/node/file-store';
import { createFailFastRedis, createWorkerRedis } from '../../common/node/redis-connection';
import { PRINT_QUEUE, QUEUE_PREFIX, pdfKey } from '../../common/queue/names';
import type { PrintJobData, PrintJobResult } from '../../common/queue/print-job';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { FontCache } from '../../worker/pdf/font-cache';
import { inProcessRenderer } from '../../worker/pdf/pdf-renderer';
import { printProcessor, type DelayableJob } from '../../worker/print-processor';
import { lightFlyer } from '../support/heavy-poster';
import { startTestRedis } from '../support/test-redis';
import { patient, waitFor } from '../support/wait-for';

/** A file store whose writes fail with the given code (ENOSPC: the disk is full) until it is repaired. */
class BrokenStore implements FileStore {
  failure: string | null = 'ENOSPC';
  writes = 0;
  constructor(private readonly inner: FileStore) {}
  async put(key: string, data: Buffer) {
    this.writes += 1;
    if (this.failure) throw Object.assign(new Error(`${this.failure}: no space left on device`), { code: this.failure });
    return this.inner.put(key, data);
  }
  read = (key: string) => this.inner.read(key);
  stat = (key: string) => this.inner.stat(key);
  stream = (key: string) => this.inner.stream(key);
  remove = (key: string) => this.inner.remove(key);
}

let redis: Awaited<ReturnType<typeof startTestRedis>>;
let dir: string;
let store: BrokenStore;
beforeAll(async () => {
  redis = await startTestRedis();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-processor-'));
  const inner = new DirectoryFileStore(dir);
  await seedSampleAssets(inner);
  store = new BrokenStore(inner);
});
afterAll(async () => {
  await redis?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('when the file store cannot be written', () => {
  it('keeps the job waiting without spending its attempts, and completes it by itself once the store is repaired', async () => {
    const producer = createFailFastRedis(redis.url);
    const queue = new Queue<PrintJobData, PrintJobResult>(PRINT_QUEUE, { connection: producer, prefix: QUEUE_PREFIX });
    const eventsRedis = createWorkerRedis(redis.url);
    const workerRedis = createWorkerRedis(redis.url);
    const events = new QueueEvents(PRINT_QUEUE, { connection: eventsRedis, prefix: QUEUE_PREFIX });
    const waits: string[] = [];
    const processor = printProcessor({
      store,
      render: inProcessRenderer(new FontCache()),
      clock: () => performance.now(),
      now: Date.now,
      storeWait: { firstDelayMs: 50, maxDelayMs: 200, giveUpAfterMs: 3600_000 },
      onStoreWait: (_job, err) => waits.push(err.code),
    });
    const worker = new Worker<PrintJobData, PrintJobResult>(PRINT_QUEUE, (job, token) => processor(job as unknown as DelayableJob, token), {
      connection: workerRedis,
      prefix: QUEUE_PREFIX,
    });
    const failed: string[] = [];
    worker.on('failed', (_job, err) => failed.push(err.message));
    try {
      const design = lightFlyer('Printed after the disk was freed');
      const job = await queue.add('render', { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now() }, { attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
      // Three waits: the job has met the full disk again and again.
      await waitFor('three waits for the store', () => waits.length >= 3, 30_000);
      const waiting = (await queue.getJob(job.id!)) as Job<PrintJobData>;
      expect(['delayed', 'waiting', 'active']).toContain(await waiting.getState());
      expect(waiting.attemptsMade).toBe(0);
      expect(waiting.data.storeWait?.count).toBeGreaterThanOrEqual(3);
      expect(failed).toEqual([]);

      store.failure = null;
      const result = (await job.waitUntilFinished(events, patient(30_000))) as PrintJobResult;
      expect(result.pages).toBe(2);
      expect(await store.stat(pdfKey(result.pdfHash))).not.toBeNull();
      expect(waits.every((code) => code === 'ENOSPC')).toBe(true);
      expect(failed).toEqual([]);
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      for (const connection of [producer, eventsRedis, workerRedis]) connection.disconnect();
    }
  });

  it('fails the job, saying why, once the store has been away longer than an operator needs', async () => {
    const design = lightFlyer('Never printed');
    let now = 1_000_000;
    const processor = printProcessor({
      store,
      render: inProcessRenderer(new FontCache()),
      clock: () => 0,
      now: () => now,
      storeWait: { firstDelayMs: 50, maxDelayMs: 200, giveUpAfterMs: 3600_000 },
    });
    store.failure = 'EROFS';
    let data: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf({ ...design, title: 'Never printed (again)' }), acceptedAt: now };
    const job: DelayableJob = {
      get data() {
        return data;
      },
      updateData: async (d) => void (data = d),
      moveToDelayed: async () => undefined,
      updateProgress: async () => undefined,
    };
    await expect(processor(job)).rejects.toMatchObject({ name: 'DelayedError' });
    now += 3600_001;
    await expect(processor(job)).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringMatching(/cannot be written \(EROFS\), for 1 hours/) });
  });
});
