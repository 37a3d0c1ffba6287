import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { PRINT_QUEUE, QUEUE_PREFIX, runJobId } from '../../../common/queue/names';
import type { PrintJobData } from '../../../common/queue/print-job';
import { seedSampleAssets } from '../../../server/assets/sample-assets';
import { PrintQueue } from '../../../server/print-jobs/print-queue';
import { pdfHashOf } from '../../../server/print-jobs/submit-print-job';
import { PrintRunFlow } from '../../../server/print-runs/print-run-flow';
import type { StoredPrintRun } from '../../../server/print-runs/print-run-store';
import { printRunHistoryEntry, runStepFailedOf } from '../../../server/print-runs/print-run-history';
import { printRunResponse } from '../../../server/print-runs/print-run-view';
import { FontCache } from '../../../worker/pdf/font-cache';
import { inProcessRenderer } from '../../../worker/pdf/pdf-renderer';
import { queueProcessor } from '../../../worker/queue-processor';
import { lightFlyer } from '../../support/heavy-poster';
import { startTestRedis } from '../../support/test-redis';
import { patient, waitForValue } from '../../support/wait-for';

let redis: Awaited<ReturnType<typeof startTestRedis>>;
let connection: Redis;
let workerConnection: Redis;
let queue: PrintQueue;
let flow: PrintRunFlow;
let worker: Worker;
let dir: string;
let store: DirectoryFileStore;
/** While set, the run step finds none of its renders' job data (as when the queue has dropped them): it fails for good. */
let forgetRenders = true;

beforeAll(async () => {
  redis = await startTestRedis();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-run-retry-'));
  store = new DirectoryFileStore(dir);
  await seedSampleAssets(store);
  connection = new Redis({ host: '127.0.0.1', port: redis.options.port, maxRetriesPerRequest: null });
  workerConnection = new Redis({ host: '127.0.0.1', port: redis.options.port, maxRetriesPerRequest: null });
  queue = new PrintQueue(connection);
  flow = new PrintRunFlow(connection, queue.queue);
  const fonts = new FontCache();
  // The worker's own processor; only its reading of the renders' job data can be made to fail.
  const processJob = queueProcessor({
    store,
    render: inProcessRenderer(fonts),
    fonts,
    readJobData: async (id) => (forgetRenders ? null : ((await queue.queue.getJob(id))?.data ?? null)),
    clock: () => performance.now(),
    now: Date.now,
  });
  worker = new Worker(PRINT_QUEUE, (job, token) => processJob(job, token), { connection: workerConnection, prefix: QUEUE_PREFIX, concurrency: 2 });
  worker.on('error', () => undefined);
});

afterAll(async () => {
  await worker?.close();
  await flow?.close();
  await queue?.close();
  connection?.disconnect();
  workerConnection?.disconnect();
  await redis?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a run whose combined PDF fails after every version rendered", () => {
  it('says so with a retry for the run, and the retry makes the combined PDF', async () => {
    const runId = 'a'.repeat(32);
    const designs = ['North ward', 'South ward'].map((title) => lightFlyer(title));
    const children = designs.map((design, i) => ({
      jobId: String(i + 1).padStart(32, 'c'),
      data: { design, copies: 1, pdfHash: pdfHashOf(design), acceptedAt: Date.now(), partOfRun: true } as PrintJobData,
    }));
    const stored: StoredPrintRun = {
      id: runId,
      orgId: 'b'.repeat(32),
      designId: 'd'.repeat(32),
      designVersion: 1,
      createdBy: 'e'.repeat(32),
      createdAt: Date.now(),
      tableHash: null,
      variants: children.map((c, n) => ({ position: n, label: designs[n]!.title, jobId: c.jobId, pdfHash: c.data.pdfHash })),
    };
    await flow.add({ runId, orgId: stored.orgId, variants: 2, acceptedAt: Date.now(), jobIds: children.map((c) => c.jobId), labels: ['North ward', 'South ward'], title: 'Wards' }, children);

    const failed = await waitForValue('the run step to fail', async () => {
      const view = await printRunResponse(stored, flow, store);
      return view.status === 'needs_retry' ? view : null;
    }, { timeoutMs: patient(60_000), everyMs: 100 });
    expect(failed.counts).toEqual({ variants: 2, done: 2, failed: 0, waiting: 0 });
    expect(failed).toMatchObject({ combined: null, zip: null, failure: 'the combined PDF could not be made; retry the run', retryUrl: `/api/runs/${runId}/retry` });
    expect(failed.variants.every((v) => v.retryUrl === null && v.download !== null)).toBe(true);
    // The print history says it needs a retry too (its versions' records say done; the queue says the step failed), not "printing" for ever.
    const row = { id: runId, designId: stored.designId, designVersion: 1, title: 'Wards', createdBy: stored.createdBy, createdAt: stored.createdAt, designDeleted: false, pdfHashes: stored.variants.map((v) => v.pdfHash), renders: 2, rendered: 2, failed: 0 };
    const listed = () => printRunHistoryEntry(row, store, stored.createdBy, runStepFailedOf(flow));
    expect(await listed()).toMatchObject({ status: 'needs_retry', combinedUrl: null, zipUrl: null });
    // While a version is still to render (by its record), the step is not asked about: printing.
    expect(await printRunHistoryEntry({ ...row, rendered: 1 }, store, stored.createdBy, runStepFailedOf(flow))).toMatchObject({ status: 'printing' });

    forgetRenders = false;
    expect(await flow.retry(runJobId(runId))).toBe(true);
    const done = await waitForValue('the run to be done', async () => {
      const view = await printRunResponse(stored, flow, store);
      return view.status === 'done' ? view : null;
    }, { timeoutMs: patient(60_000), everyMs: 100 });
    expect(done).toMatchObject({ failure: null, retryUrl: null, combined: { url: expect.stringMatching(/^\/downloads\/[a-f0-9]{64}\.pdf$/) }, zip: { url: `/api/runs/${runId}/zip` } });
    expect(await listed()).toMatchObject({ status: 'done', combinedUrl: done.combined!.url, zipUrl: done.zip!.url });
    // A run that is done has nothing to retry.
    expect(await flow.retry(runJobId(runId))).toBe(false);
  }, patient(120_000));
});
