import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { DEFAULT_PRINT_SETTINGS } from '../../common/colour/print-settings';
import type { Design } from '../../common/design/design-schema';
import { contentHash } from '../../common/node/content-hash';
import { DirectoryFileStore } from '../../common/node/file-store';
import { createFailFastRedis } from '../../common/node/redis-connection';
import { runJobId } from '../../common/queue/names';
import { printRunJobResultSchema } from '../../common/queue/print-run-job';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { PrintQueue } from '../../server/print-jobs/print-queue';
import { pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { PrintRunFlow } from '../../server/print-runs/print-run-flow';
import { builtDist } from '../support/built-dist';
import { heavyPoster, lightFlyer } from '../support/heavy-poster';
import { startTestRedis } from '../support/test-redis';
import { patient, waitForValue } from '../support/wait-for';
import { WorkerProcess } from '../support/worker-process';

/**
 * A print run (a BullMQ flow: a parent and its renders) with real worker processes forked from dist/,
 * a redis-server of the test's own and the server's producer (PrintRunFlow). "Each version once" is
 * read from the queue's event stream (one `completed` event per job) and the file store (one PDF each).
 */

/** Settings that make a dead worker's jobs come back within seconds instead of a minute. */
const FAST_RECOVERY = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', WORKER_HEARTBEAT_MS: '300' };
const RUN_ID = 'a'.repeat(32);
const ORG = 'b'.repeat(32);

const until = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> => waitForValue(what, probe, { timeoutMs: patient(timeoutMs), everyMs: 50, ignoreErrors: true });

beforeAll(() => {
  builtDist(['worker/main.js', 'worker/render-pool/render-thread.js']);
}, patient(180_000));

describe('when a worker is killed with SIGKILL in the middle of a run', () => {
  let redis: Awaited<ReturnType<typeof startTestRedis>>;
  let filesDir: string;
  let connection: Redis;
  let queue: PrintQueue;
  let flow: PrintRunFlow;
  const workers: WorkerProcess[] = [];
  const worker = () => {
    const w = new WorkerProcess({ REDIS_URL: redis.url, FILES_DIR: filesDir, WORKER_CONCURRENCY: '1', WORKER_METRICS_PORT: '0', ...FAST_RECOVERY });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-faults-'));
    await seedSampleAssets(new DirectoryFileStore(filesDir));
    connection = createFailFastRedis(redis.url, { commandTimeout: 15_000 });
    connection.on('error', () => undefined);
    await new Promise((resolve) => connection.once('ready', resolve));
    queue = new PrintQueue(connection);
    queue.queue.on('error', () => undefined);
    flow = new PrintRunFlow(connection, queue.queue);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await flow?.close();
    await queue?.close().catch(() => undefined);
    connection?.disconnect();
    await redis?.cleanup();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  it('completes the run with the other workers, each version rendered and completed once', async () => {
    const designs: Design[] = [await heavyPoster(new DirectoryFileStore(filesDir), 'Run poster'), ...Array.from({ length: 8 }, (_, i) => lightFlyer(`Ward ${i + 1}`))];
    const children = designs.map((design) => {
      const pdfHash = pdfHashOf(design);
      return { jobId: contentHash({ run: RUN_ID, pdfHash }).slice(0, 32), data: { design, copies: 1, print: DEFAULT_PRINT_SETTINGS, pdfHash, acceptedAt: Date.now(), orgId: ORG, partOfRun: true } };
    });
    await flow.add({ runId: RUN_ID, orgId: ORG, variants: designs.length, acceptedAt: Date.now(), jobIds: children.map((c) => c.jobId), labels: designs.map((d) => d.title), title: 'Run' }, children);
    const poster = children[0]!.jobId;

    const first = worker();
    await until('the poster rendering', async () => {
      const job = await queue.queue.getJob(poster);
      return (await job?.getState()) === 'active' && typeof job?.progress === 'number' && job.progress >= 10;
    }, 30_000);
    await first.stop('SIGKILL');
    worker();
    worker();

    await until('the run done', async () => (await queue.queue.getJobState(runJobId(RUN_ID))) === 'completed', 60_000);
    const run = await queue.queue.getJob(runJobId(RUN_ID));
    const pages = designs.reduce((n, d) => n + d.pages.length, 0);
    expect(printRunJobResultSchema.parse(run!.returnvalue)).toMatchObject({ renders: designs.length, pages, combined: { pages } });
    const completions = new Map<string, number>();
    for (const [, fields] of await connection.xrange(queue.queue.toKey('events'), '-', '+')) {
      const f = Object.fromEntries(fields.flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]]] : [])));
      if (f.event === 'completed') completions.set(f.jobId!, (completions.get(f.jobId!) ?? 0) + 1);
    }
    expect([...children.map((c) => c.jobId), runJobId(RUN_ID)].map((id) => completions.get(id))).toEqual([...children, null].map(() => 1));
    expect((await queue.queue.getJob(poster))!.stalledCounter).toBe(1);
    const pdfs = fs.readdirSync(path.join(filesDir, 'pdfs')).filter((n) => n.endsWith('.pdf')).sort();
    // Each version's PDF, and the combined one.
    expect(pdfs).toEqual([...designs.map((d) => `${pdfHashOf(d)}.pdf`), `${printRunJobResultSchema.parse(run!.returnvalue).combined.pdfHash}.pdf`].sort());
    expect(first.lines('print job done')).toHaveLength(0);
    // The renders kept the pictures they converted (the worker processes made converted/: only they write
    // there) and the run step removed them once the combined PDF was stored.
    expect(fs.readdirSync(path.join(filesDir, 'converted')).filter((n) => n.endsWith('.bin'))).toEqual([]);
  }, patient(120_000));
});
