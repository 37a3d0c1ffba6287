import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { createWorkerRedis } from '../../../common/node/redis-connection';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import type { PrintJobData } from '../../../common/queue/print-job';
import type { RosetteDatabase } from '../../../server/database/create-database';
import { PrintQueue } from '../../../server/print-jobs/print-queue';
import { PrintRecordMirror } from '../../../server/print-jobs/print-record-mirror';
import { PrintRecordStore } from '../../../server/print-jobs/print-record-store';
import { startTestRedis } from '../../support/test-redis';
import { createTestDatabase, type TestDatabase } from '../../support/test-postgres';

const ORG = 'a'.repeat(32);
const JOB = 'b'.repeat(32);
const PDF_HASH = 'c'.repeat(64);

let redis: Awaited<ReturnType<typeof startTestRedis>>;
let testDb: TestDatabase;
let database: RosetteDatabase;
const connections: Array<{ quit(): Promise<unknown> }> = [];
const connection = () => {
  const made = createWorkerRedis(redis.url);
  connections.push(made);
  return made;
};

beforeAll(async () => {
  redis = await startTestRedis();
  testDb = await createTestDatabase();
  database = testDb.open();
  await database.db.insertInto('organisations').values({ id: ORG, name: 'Riverside Labour', name_key: 'riverside labour', created_at: new Date() }).execute();
});
afterAll(async () => {
  for (const made of connections) await made.quit();
  await database?.close();
  await testDb?.cleanup();
  await redis?.cleanup();
});

/**
 * A print job that a worker holds active until `finish()` is called, then completes with two pages, or
 * with `fails`, fails for good (one attempt).
 */
async function activeJob(queue: PrintQueue, { id = JOB, fails = false } = {}): Promise<{ finish(): Promise<void>; close(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const data = { design: { title: 'Riverside news' }, copies: 1, pdfHash: PDF_HASH, acceptedAt: Date.now(), orgId: ORG } as unknown as PrintJobData;
  await queue.queue.add('render', data, { jobId: id, attempts: 1 });
  let started!: () => void;
  const active = new Promise<void>((resolve) => (started = resolve));
  const worker = new Worker(
    PRINT_QUEUE,
    async () => {
      started();
      await released;
      if (fails) throw new Error('the file store is full');
      return { pages: 2, bytes: 1234, pdfHash: PDF_HASH };
    },
    { connection: connection(), prefix: QUEUE_PREFIX },
  );
  await active;
  return {
    async finish() {
      const finished = new Promise<void>((resolve) => {
        worker.on('completed', (job: Job) => job.id === id && resolve());
        worker.on('failed', (job) => job?.id === id && resolve());
      });
      release();
      await finished;
    },
    close: () => worker.close(),
  };
}

describe('the print record mirror', () => {
  it('writes a job that finishes while its record is read, and sees it moved on and writes it done', async () => {
    const queue = new PrintQueue(connection());
    const job = await activeJob(queue);
    // The job finishes between the mirror's first and second read of the queue, as under a flood.
    let firstRead = true;
    const racing = new Proxy(queue.queue, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if ((name !== 'getJob' && name !== 'getJobState') || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args);
          if (firstRead) {
            firstRead = false;
            await job.finish();
          }
          return result;
        };
      },
    });
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
    const records = new PrintRecordStore(database.db);
    const mirror = new PrintRecordMirror({ redis: connection(), queue: { queue: racing } as unknown as PrintQueue, records, logger });

    // Read as active (the job finished just after), written active, then read again: done, written done.
    expect(await mirror.mirror(JOB)).toBe('written');
    expect(warnings).toEqual([]);
    const row = () => database.db.selectFrom('print_jobs').select(['status', 'pages', 'pdf_hash']).where('id', '=', JOB).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ status: 'done', pages: 2, pdf_hash: PDF_HASH });
    // Its completed event changes nothing.
    expect(await mirror.mirror(JOB)).toBe('written');
    expect(await row()).toEqual({ status: 'done', pages: 2, pdf_hash: PDF_HASH });
    await job.close();
    await queue.queue.close();
  });

  it("never leaves a failed job's record saying active when the write of its active event lands after the write of its failure", async () => {
    const id = 'd'.repeat(32);
    const queue = new PrintQueue(connection());
    const job = await activeJob(queue, { id, fails: true });
    // The active event's write is held (a slow PostgreSQL) until the failed event's write is done.
    const store = new PrintRecordStore(database.db);
    let holdFirst = true;
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    let heldReached!: () => void;
    const reachedHeld = new Promise<void>((resolve) => (heldReached = resolve));
    const records = {
      save: async (record: Parameters<PrintRecordStore['save']>[0]) => {
        if (holdFirst) {
          holdFirst = false;
          heldReached();
          await held;
        }
        return store.save(record);
      },
    } as unknown as PrintRecordStore;
    const logger = { warn: () => undefined } as unknown as Logger;
    const mirror = new PrintRecordMirror({ redis: connection(), queue, records, logger });
    const row = () => database.db.selectFrom('print_jobs').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();

    const ofActive = mirror.mirror(id);
    await reachedHeld;
    await job.finish();
    expect(await mirror.mirror(id)).toBe('written');
    expect((await row()).status).toBe('failed');
    releaseHeld();
    expect(await ofActive).toBe('written');
    expect((await row()).status).toBe('failed');
    await job.close();
    await queue.queue.close();
  });
});
