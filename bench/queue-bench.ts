import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { designSchema } from '../common/design/design-schema';
import { DirectoryFileStore } from '../common/node/file-store';
import { freePort, LocalRedis } from '../common/node/local-redis';
import { PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB } from '../common/queue/names';
import type { PrintJobData } from '../common/queue/print-job';
import { findTemplate } from '../common/templates/templates';
import { seedSampleAssets } from '../server/assets/sample-assets';
import { jobIdOf, pdfHashOf } from '../server/print-jobs/submit-print-job';
import { fmt, percentiles } from './stats';

export interface QueueFigures {
  roundTrip: { median: number; p95: number };
  jobsPerSecond: number;
}

/**
 * Starts a redis-server and one real worker process (dist/worker/main.js), then measures the round
 * trip of single jobs on an idle system and the rate a backlog drains at.
 */
export async function benchQueue(roundTrips: number, backlog: number, concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2)): Promise<QueueFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-bench-'));
  const redis = new LocalRedis({ port: await freePort(), dir: path.join(dir, 'redis'), persistent: false });
  await redis.start();
  const filesDir = path.join(dir, 'files');
  await seedSampleAssets(new DirectoryFileStore(filesDir));
  const worker = fork(path.join(__dirname, '..', 'worker', 'main.js'), {
    // WORKER_NICE 0: the bench measures how fast a worker renders, not how politely it shares the CPUs.
    env: { ...process.env, REDIS_URL: redis.url, FILES_DIR: filesDir, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: String(concurrency), WORKER_NICE: '0' },
    stdio: 'inherit',
  });
  const connection = { host: '127.0.0.1', port: redis.options.port };
  const queue = new Queue<PrintJobData>(PRINT_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const events = new QueueEvents(PRINT_QUEUE, { connection, prefix: QUEUE_PREFIX });
  await events.waitUntilReady();
  // A real imprint: the worker never renders a template's sample one.
  const imprint = { printer: { name: 'Bench Print Works', address: '1 Dock Street, Cardiff CF10 5AB' }, promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' } };
  const base = designSchema.parse({ ...findTemplate('a5-flyer')!.design, imprint });
  let n = 0;
  const nextJob = () => {
    const design = { ...base, title: `Bench leaflet ${++n}` };
    const data: PrintJobData = { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now() };
    // Kept after completion (the bench's Redis is its own): waitUntilFinished() fails with "Missing key"
    // when a fast worker has completed and removed the job before it looks.
    return { name: RENDER_JOB, data, opts: { jobId: jobIdOf(design, 1) } };
  };
  try {
    // Warm the worker up (fonts parsed, code optimised) before timing.
    for (let i = 0; i < 10; i++) {
      const j = nextJob();
      await (await queue.add(j.name, j.data, j.opts)).waitUntilFinished(events, 30_000);
    }
    const trips: number[] = [];
    for (let i = 0; i < roundTrips; i++) {
      const j = nextJob();
      const t0 = performance.now();
      await (await queue.add(j.name, j.data, j.opts)).waitUntilFinished(events, 30_000);
      trips.push(performance.now() - t0);
    }
    const roundTrip = percentiles(trips);

    const jobs = Array.from({ length: backlog }, nextJob);
    const t0 = performance.now();
    const completedBefore = await queue.getCompletedCount();
    await queue.addBulk(jobs);
    // Poll the counts rather than wait on 300 job events: the bench's own event handling would take CPU
    // from the worker it measures on a small machine.
    const deadline = Date.now() + 120_000;
    while ((await queue.getCompletedCount()) - completedBefore < backlog) {
      if ((await queue.getFailedCount()) > 0) throw new Error('a bench job failed');
      if (Date.now() > deadline) throw new Error('the backlog did not drain within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (performance.now() - t0) / 1000;
    const jobsPerSecond = backlog / seconds;

    console.log(`Queue (one worker process, concurrency ${concurrency}, its own redis-server)`);
    console.log(`  round trip enqueue -> done, idle  median ${fmt(roundTrip.median)} ms  p95 ${fmt(roundTrip.p95)} ms   (target median < 100 ms)`);
    console.log(`  backlog of ${backlog} jobs drained at ${fmt(jobsPerSecond, 1)} jobs/s`);
    return { roundTrip, jobsPerSecond };
  } finally {
    await events.close();
    await queue.close();
    await new Promise((resolve) => {
      worker.once('exit', resolve);
      worker.kill('SIGTERM');
    });
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
