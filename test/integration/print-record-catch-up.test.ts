import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../common/queue/names';
import { CALM } from '../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { printJobBody } from '../support/real-imprint';
import type { TestAccount, TestClient } from '../support/test-client';
import { PrintRecordStore } from '../../server/print-jobs/print-record-store';
import { waitForValue } from '../support/wait-for';

let rosette: RunningRosette;
let campaigner: TestClient;
let account: TestAccount;
let queue: Queue;
let design: Record<string, unknown>;

beforeAll(async () => {
  // Passes every 300 ms, so the periodic one is seen within the test.
  rosette = await startRosette({}, undefined, { ...CALM, printRecordCatchUpMs: 300 });
  account = await rosette.createAccount({ organisation: 'Riverside Labour' });
  campaigner = await rosette.signedIn(account);
  design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Record<string, unknown> }).design;
  queue = new Queue(PRINT_QUEUE, { connection: rosette.serverRedis, prefix: QUEUE_PREFIX });
});
afterAll(async () => {
  await queue?.resume().catch(() => undefined);
  await queue?.close();
  await rosette?.close();
});

const feeders = () => rosette.servers[0]!.printRecords;
const history = async () => ((await (await campaigner.request('/api/print-history')).json()) as { printJobs: Array<{ id: string; status: string; pages: number | null; downloadUrl: string | null }> }).printJobs;
const recordOf = async (id: string) => (await history()).find((r) => r.id === id);
/** Sends a print job while printing is paused, and waits until its record says waiting. */
let sent = 0;
async function sendWhilePaused(): Promise<{ id: string; statusUrl: string }> {
  await queue.pause();
  // A title of its own: the same design twice would be the same job (its id is the content's digest).
  sent += 1;
  const body = printJobBody({ ...design, title: `Leaflet ${sent}` }, { copies: 1 });
  const accepted = (await (await campaigner.request('/api/print-jobs', { json: body })).json()) as { id: string; statusUrl: string };
  await waitForValue('the record says waiting', async () => (await recordOf(accepted.id))?.status === 'waiting' || undefined);
  return accepted;
}

describe('the print records\' catch-up, for queue events no server saw', () => {
  it('says unknown, at a periodic pass, of a record whose job the queue no longer holds', async () => {
    const accepted = await sendWhilePaused();
    // An admin's removal sends no event the mirror follows: only the catch-up can see it.
    await (await queue.getJob(accepted.id))!.remove();
    await waitForValue('the record says unknown', async () => (await recordOf(accepted.id))?.status === 'unknown' || undefined);
    await queue.resume();
  });

  it('brings a job that finished while no mirror ran to done, with its pages and PDF, at start-up', async () => {
    const accepted = await sendWhilePaused();
    // No server is following the queue's events now, and no catch-up runs.
    await feeders().mirror.stop();
    await feeders().catchUp.stop();
    await queue.resume();
    const finished = await waitForJob(campaigner, accepted.statusUrl);
    expect(finished.status).toBe('done');
    expect((await recordOf(accepted.id))?.status).toBe('waiting');

    // What a server does when it starts: a pass at once.
    feeders().catchUp.start();
    const record = await waitForValue('the record caught up', async () => {
      const r = await recordOf(accepted.id);
      return r?.status === 'done' ? r : undefined;
    });
    expect(record).toMatchObject({ pages: expect.any(Number), downloadUrl: finished.download.url });
    expect((await campaigner.request(record.downloadUrl!)).status).toBe(200);
    // Finished records are left as they are, and a pass with nothing unfinished changes nothing.
    expect((await history()).map((r) => r.status).sort()).toEqual(['done', 'unknown']);
    expect(await feeders().catchUp.runOnce()).toEqual({ checked: 0, updated: 0, unknown: 0, added: 0 });
  });

  it('writes the record of a job none of whose events any server saw', async () => {
    // The mirror is still stopped: nothing records the job as it is accepted, renders and finishes.
    await feeders().catchUp.stop();
    const body = printJobBody({ ...design, title: 'Leaflet nobody saw' }, { copies: 1 });
    const accepted = (await (await campaigner.request('/api/print-jobs', { json: body })).json()) as { id: string; statusUrl: string };
    expect((await waitForJob(campaigner, accepted.statusUrl)).status).toBe('done');
    expect(await recordOf(accepted.id)).toBeUndefined();
    expect(await feeders().catchUp.runOnce()).toEqual({ checked: 0, updated: 0, unknown: 0, added: 1 });
    expect(await recordOf(accepted.id)).toMatchObject({ status: 'done', pages: expect.any(Number) });
  });

  it('marks nothing unknown while Redis cannot be read: the pass stops, and a later one does it', async () => {
    await feeders().catchUp.stop();
    // A record whose job this Redis never held (as after a loss of Redis).
    const id = 'f'.repeat(32);
    await new PrintRecordStore(rosette.db).save({ id, orgId: account.orgId, accountId: account.id, title: 'Lost leaflet', status: 'waiting', pages: null, pdfHash: null, bytes: null, design: null, createdAt: Date.now(), finishedAt: null });
    await rosette.redis.stop();
    expect(await feeders().catchUp.runOnce()).toBeNull();
    const row = await rosette.db.selectFrom('print_jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('waiting');
    await rosette.redis.start();
    const pass = await waitForValue('a pass with Redis back', () => feeders().catchUp.runOnce());
    expect(pass).toEqual({ checked: 1, updated: 0, unknown: 1, added: 0 });
  });
});
