import fs from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { PrintJobResponse } from '../../common/api/print-job-response';
import sharp from 'sharp';
import { RETRY_ALL_MAX, type FailedJobActionResponse, type QueueOverviewResponse, type QueuePauseResponse, type RetryAllResponse } from '../../common/api/admin-queue';
import type { Design } from '../../common/design/design-schema';
import { assetInfoKey, assetKey, PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB } from '../../common/queue/names';
import type { PrintJobData } from '../../common/queue/print-job';
import { jobIdOf, pdfHashOf } from '../../server/print-jobs/submit-print-job';
import { CALM } from '../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestAccount, TestClient } from '../support/test-client';
import { waitForValue } from '../support/wait-for';
import { printJobBody, withRealImprint } from '../support/real-imprint';

/**
 * The admin's queue actions against a real Redis and the real worker processor: pausing and resuming
 * printing, and retrying or removing failed jobs, with who may do what, bad input, the audit log and
 * a Redis that goes away.
 */

let rosette: RunningRosette;
/** The test's own view of the print queue (as another process would have). */
let queue: Queue;
let campaigner: TestAccount;
let campaignerClient: TestClient;
let adminAccount: TestAccount;
let admin: TestClient;

/** What a campaigner typed that no admin list may show: the title, the text, the imprint, the organisation. */
const PERSONAL = { title: 'Jane Doe-Secret for Riverside', headline: 'Vote Jane Doe-Secret', printer: 'Pat Printer-Secret', promoter: 'Priya Promoter-Secret' };
const ORGANISATION = 'Riverside Labour Secret Branch';

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  queue = new Queue(PRINT_QUEUE, { connection: { host: '127.0.0.1', port: rosette.redis.options.port }, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  campaigner = await rosette.createAccount({ organisation: ORGANISATION });
  campaignerClient = await rosette.signedIn(campaigner);
  adminAccount = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
  admin = await rosette.signedIn(adminAccount);
});
afterAll(async () => {
  await queue?.close();
  await rosette?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls `probe` until it gives a value. */
const until = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => waitForValue(what, probe, { timeoutMs, everyMs: 50 });

async function template(id: string): Promise<Record<string, any>> {
  return ((await (await campaignerClient.request(`/api/templates/${id}`)).json()) as { design: Record<string, any> }).design;
}

/** A design full of personal data, as a campaigner makes it. */
async function personalDesign(templateId = 'a6-postcard'): Promise<Record<string, any>> {
  const design = await template(templateId);
  design.title = `${PERSONAL.title} ${Math.random().toString(36).slice(2)}`;
  design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = PERSONAL.headline;
  design.imprint = { printer: { name: PERSONAL.printer, address: '1 Secret Street' }, promoter: { name: PERSONAL.promoter, address: '2 Secret Road' } };
  return design;
}

/** Puts a job on the queue as the server does (one attempt, so a failure is final at once); returns its id. */
async function addJob(design: Record<string, any>): Promise<string> {
  const id = jobIdOf(design as Design, 1, campaigner.orgId);
  const data: PrintJobData = { design: design as Design, copies: 1, pdfHash: pdfHashOf(design as Design), acceptedAt: Date.now(), orgId: campaigner.orgId };
  await queue.add(RENDER_JOB, data, { jobId: id, attempts: 1 });
  return id;
}

const stateOf = async (id: string) => (await queue.getJob(id))?.getState() ?? 'gone';
const failed = (id: string) => until(`job ${id} failed`, async () => (await stateOf(id)) === 'failed');

/** A job the worker refuses: its headline cannot fit (the server would have said 422; the worker says why, as the design's fault). */
async function designFailure(): Promise<string> {
  const design = await personalDesign();
  design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = `${PERSONAL.headline} `.repeat(14).trim();
  const id = await addJob(design);
  await failed(id);
  return id;
}

/** A job that fails through no fault of its design: its image is missing from the file store. Returns a cure. */
async function storageFailure(): Promise<{ id: string; restore: () => void }> {
  const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}` } }).png().toBuffer();
  const uploaded = (await (await campaignerClient.request('/api/assets', { method: 'POST', body: new Uint8Array(png), headers: { 'Content-Type': 'image/png' } })).json()) as { id: string };
  const files = [assetKey(uploaded.id, 'png'), assetInfoKey(uploaded.id)].map((key) => path.join(rosette.filesDir, key));
  const saved = files.map((file) => fs.readFileSync(file));
  for (const file of files) fs.rmSync(file);
  const design = await personalDesign('a5-flyer');
  design.pages[0].elements.find((e: { kind: string }) => e.kind === 'image').assetId = uploaded.id;
  const id = await addJob(design);
  await failed(id);
  return { id, restore: () => files.forEach((file, i) => fs.writeFileSync(file, saved[i]!)) };
}

const overview = async (query = '') => {
  const res = await admin.request(`/api/admin/queue${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as QueueOverviewResponse;
};
const pause = () => admin.request('/api/admin/queue/pause', { method: 'POST' });
const resume = () => admin.request('/api/admin/queue/resume', { method: 'POST' });

describe('pausing printing', () => {
  afterEach(async () => {
    await queue.resume();
  });

  it('keeps a job sent while paused waiting (accepted with 202), and prints it once resumed', async () => {
    const paused = await pause();
    expect(paused.status).toBe(200);
    const body = (await paused.json()) as QueuePauseResponse;
    expect(body).toMatchObject({ paused: true, changed: true });
    expect(body.message).toMatch(/nothing is lost/);
    expect(await queue.isPaused()).toBe(true);
    expect((await overview()).paused).toBe(true);

    const design = await template('a6-postcard');
    design.title = 'Sent while printing is paused';
    const res = await campaignerClient.request('/api/print-jobs', { json: printJobBody(design, { copies: 2 }) });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as PrintJobResponse;
    // Nobody can say when a paused queue starts a job, so no wait is estimated; the campaigner is told why.
    expect(accepted).toMatchObject({ status: 'queued', estimatedWaitSeconds: null, printingPaused: true });

    await sleep(1000);
    expect(await stateOf(accepted.id)).toBe('waiting');
    expect(await (await campaignerClient.request(accepted.statusUrl)).json()).toMatchObject({ status: 'queued', printingPaused: true });
    expect((await overview()).counts.waiting).toBeGreaterThanOrEqual(1);

    const resumed = await resume();
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ paused: false, changed: true });
    const done = (await waitForJob(campaignerClient, accepted.statusUrl)) as PrintJobResponse;
    expect(done).toMatchObject({ status: 'done', printingPaused: false });
  });

  it('keeps the pause in Redis, where every server and worker (and a restarted one) reads it', async () => {
    expect((await pause()).status).toBe(200);
    const fresh = new Queue(PRINT_QUEUE, { connection: { host: '127.0.0.1', port: rosette.redis.options.port }, prefix: QUEUE_PREFIX });
    try {
      expect(await fresh.isPaused()).toBe(true);
    } finally {
      await fresh.close();
    }
    // This process's overload state knows at once; the admin status shows it.
    const status = (await (await admin.request('/api/admin/status')).json()) as { printQueue: { paused: boolean } };
    expect(status.printQueue.paused).toBe(true);
  });

  it('changes nothing when printing is already in the state asked for', async () => {
    expect((await pause()).status).toBe(200);
    expect(await (await pause()).json()).toMatchObject({ paused: true, changed: false });
    expect((await resume()).status).toBe(200);
    expect(await (await resume()).json()).toMatchObject({ paused: false, changed: false });
  });
});

describe('failed jobs', () => {
  it('lists a failed job by id, format and page count only: no title, text, imprint or organisation', async () => {
    const designId = await designFailure();
    const { id: storageId } = await storageFailure();
    const res = await admin.request('/api/admin/queue');
    const text = await res.text();
    const body = JSON.parse(text) as QueueOverviewResponse;
    expect(body.counts.failed).toBeGreaterThanOrEqual(2);
    const byDesign = body.failed.jobs.find((j) => j.id === designId)!;
    expect(byDesign).toMatchObject({ format: { size: 'A6', orientation: 'landscape' }, pages: 1, attemptsMade: 1, cause: 'design' });
    expect(byDesign.failedReason).toMatch(/^text of "headline" does not fit its box/);
    const byStorage = body.failed.jobs.find((j) => j.id === storageId)!;
    expect(byStorage).toMatchObject({ format: { size: 'A5' }, pages: 2, cause: 'system' });
    expect(byStorage.failedReason).toMatch(/is not in the file store/);
    expect(Date.parse(byStorage.failedAt!)).toBeGreaterThanOrEqual(Date.parse(byStorage.queuedAt));
    expect(Object.keys(byStorage).sort()).toEqual(['attemptsMade', 'cause', 'failedAt', 'failedReason', 'format', 'id', 'pages', 'queuedAt']);
    for (const secret of [...Object.values(PERSONAL), 'Secret', ORGANISATION, campaigner.orgId]) expect(text).not.toContain(secret);
  });

  it('pages through the failed jobs, newest failure first', async () => {
    const all = await overview('?limit=100');
    const second = await overview('?start=1&limit=1');
    expect(second.failed).toMatchObject({ start: 1, limit: 1, total: all.counts.failed });
    expect(second.failed.jobs.map((j) => j.id)).toEqual([all.failed.jobs[1]!.id]);
    const times = all.failed.jobs.map((j) => Date.parse(j.failedAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('retries a failed job with a fresh set of attempts: once its cause is gone, it prints', async () => {
    const { id, restore } = await storageFailure();
    restore();
    const res = await admin.request(`/api/admin/queue/failed/${id}/retry`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, outcome: 'retried' } satisfies Partial<FailedJobActionResponse>);
    expect((await waitForJob(campaignerClient, `/api/print-jobs/${id}`)).status).toBe('done');
    // Done now: not failed, so it cannot be retried or removed.
    const again = await admin.request(`/api/admin/queue/failed/${id}/retry`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'job_not_failed', message: expect.stringMatching(/completed, not failed/) });
    expect((await admin.request(`/api/admin/queue/failed/${id}`, { method: 'DELETE' })).status).toBe(409);
  });

  it('removes a failed job for good; removing it again is 404 naming the id', async () => {
    const id = await designFailure();
    const res = await admin.request(`/api/admin/queue/failed/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, outcome: 'removed' });
    expect(await queue.getJob(id)).toBeUndefined();
    expect((await overview('?limit=100')).failed.jobs.map((j) => j.id)).not.toContain(id);
    expect((await campaignerClient.request(`/api/print-jobs/${id}`)).status).toBe(404);
    const gone = await admin.request(`/api/admin/queue/failed/${id}`, { method: 'DELETE' });
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('id');
    expect((await admin.request(`/api/admin/queue/failed/${id}/retry`, { method: 'POST' })).status).toBe(404);
  });

  it('retries every failed job (up to the bound) and says how many', async () => {
    await designFailure();
    await designFailure();
    const before = (await overview()).counts.failed;
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(RETRY_ALL_MAX);
    // Paused, so the retried jobs stay waiting where the test can count them.
    expect((await pause()).status).toBe(200);
    try {
      const res = await admin.request('/api/admin/queue/failed/retry-all', { method: 'POST' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as RetryAllResponse;
      expect(body).toMatchObject({ retried: before, remaining: 0 });
      expect(body.message).toMatch(new RegExp(`^${before} failed print jobs are back in the queue`));
      const after = await overview();
      expect(after.counts.failed).toBe(0);
      expect(after.counts.waiting).toBeGreaterThanOrEqual(before);
    } finally {
      expect((await resume()).status).toBe(200);
    }
    // The design failures fail again at once; nothing is lost either way.
    await until('retried jobs settled', async () => (await overview()).counts.waiting === 0);
  });

  it('writes every action to the audit log under the admin account id, and logs it without personal data', async () => {
    const entries = ((await (await admin.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; actorId: string | null; targetId: string | null }> }).entries;
    const queueEntries = entries.filter((e) => /^(queue|job|jobs)\./.test(e.action));
    expect(new Set(queueEntries.map((e) => e.action))).toEqual(new Set(['queue.paused', 'queue.resumed', 'job.retried', 'job.removed', 'jobs.retried']));
    for (const entry of queueEntries) expect(entry.actorId).toBe(adminAccount.id);
    expect(queueEntries.filter((e) => e.action.startsWith('job.')).every((e) => /^[a-f0-9]{32}$/.test(e.targetId ?? ''))).toBe(true);
    const lines = rosette.logs.filter((line) => line.includes('admin queue action'));
    expect(lines.length).toBeGreaterThanOrEqual(queueEntries.length);
    for (const line of lines) for (const secret of [...Object.values(PERSONAL), ORGANISATION, adminAccount.email]) expect(line).not.toContain(secret);
  });
});

describe('who may', () => {
  const someId = 'a'.repeat(32);
  const writes: Array<[string, string]> = [
    ['POST', '/api/admin/queue/pause'],
    ['POST', '/api/admin/queue/resume'],
    ['POST', '/api/admin/queue/failed/retry-all'],
    ['POST', `/api/admin/queue/failed/${someId}/retry`],
    ['DELETE', `/api/admin/queue/failed/${someId}`],
  ];

  it('turns campaigners away with 403 and anonymous visitors with 401', async () => {
    for (const [method, url] of [['GET', '/api/admin/queue'], ...writes] as const) {
      expect([`${method} ${url}`, (await campaignerClient.request(url, { method })).status]).toEqual([`${method} ${url}`, 403]);
      expect([`${method} ${url}`, (await rosette.anonymous().request(url, { method })).status]).toEqual([`${method} ${url}`, 401]);
    }
    expect(await queue.isPaused()).toBe(false);
  });

  it('refuses an admin request without the CSRF token (403), and changes nothing', async () => {
    for (const [method, url] of writes) {
      const res = await admin.request(url, { method, csrf: false });
      expect([`${method} ${url}`, res.status]).toEqual([`${method} ${url}`, 403]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_token_invalid');
    }
    expect(await queue.isPaused()).toBe(false);
  });

  it('lets the read-only ADMIN_TOKEN read the queue but change nothing', async () => {
    const auth = { Authorization: `Bearer ${rosette.adminToken}` };
    expect((await fetch(`${rosette.baseUrl}/api/admin/queue`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${rosette.baseUrl}/api/admin/queue/pause`, { method: 'POST', headers: auth })).status).toBe(401);
    expect(await queue.isPaused()).toBe(false);
  });
});

describe('bad input', () => {
  const fieldOf = async (res: Response) => {
    expect(res.status).toBe(400);
    return ((await res.json()) as { error: { code: string; fields: Array<{ path: string }> } }).error;
  };

  it.each([['?limit=0'], ['?limit=101'], ['?limit=ten'], ['?limit=1.5'], ['?limit=1&limit=2']])('refuses a bad limit (%s), naming the field', async (query) => {
    expect((await fieldOf(await admin.request(`/api/admin/queue${query}`))).fields[0]!.path).toBe('limit');
  });

  it('refuses a bad start, naming the field', async () => {
    expect((await fieldOf(await admin.request('/api/admin/queue?start=-1'))).fields[0]!.path).toBe('start');
  });

  it.each([['not-an-id'], ['A'.repeat(32)], ['a'.repeat(33)]])('refuses a job id that is not one (%s), naming the field', async (id) => {
    expect((await fieldOf(await admin.request(`/api/admin/queue/failed/${id}/retry`, { method: 'POST' }))).fields[0]!.path).toBe('id');
    expect((await fieldOf(await admin.request(`/api/admin/queue/failed/${id}`, { method: 'DELETE' }))).fields[0]!.path).toBe('id');
  });

  it('answers 404 naming the id for a well-formed id no job has', async () => {
    const res = await admin.request(`/api/admin/queue/failed/${'b'.repeat(32)}/retry`, { method: 'POST' });
    expect(res.status).toBe(404);
    const error = ((await res.json()) as { error: { message: string; fields: Array<{ path: string }> } }).error;
    expect(error.fields[0]!.path).toBe('id');
    expect(error.message).toMatch(/^id: /);
  });
});

describe('when Redis goes away', () => {
  it('answers 503 with a plain sentence, never 500, and answers again once Redis is back', async () => {
    const read = () => fetch(`${rosette.baseUrl}/api/admin/queue`, { headers: { Authorization: `Bearer ${rosette.adminToken}` } });
    await rosette.redis.stop();
    try {
      const res = await read();
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('queue_unavailable');
      expect(error.message).toMatch(/cannot be reached/);
    } finally {
      await rosette.redis.start();
    }
    await until('the queue answers again', async () => (await read()).status === 200);
    // And printing goes on (which also waits for the worker to reconnect before the suite closes it).
    const id = await addJob(withRealImprint(await template('a6-postcard')));
    await until('a job printed after the outage', async () => (await stateOf(id)) === 'completed');
  });
});
