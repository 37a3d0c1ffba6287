import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { DirectoryFileStore } from '../../common/node/file-store';
import { createFailFastRedis } from '../../common/node/redis-connection';
import { readWorkerHeartbeats } from '../../common/node/worker-heartbeats';
import { pdfKey } from '../../common/queue/names';
import { PrintQueue } from '../../server/print-jobs/print-queue';
import { builtDist } from '../support/built-dist';
import { waitForJob } from '../support/in-process-rosette';
import { checkLogLines, recordedLeaks, watchAccount } from '../support/leak-watch';
import { readPdf } from '../support/read-pdf';
import { ServerProcess } from '../support/server-process';
import { TestClient } from '../support/test-client';
import { startTestRedis } from '../support/test-redis';
import { createTestDatabase, type TestDatabase } from '../support/test-postgres';
import { waitFor, patient } from '../support/wait-for';
import { WorkerProcess } from '../support/worker-process';
import { printJobBody } from '../support/real-imprint';

/**
 * Issue 6, scale-out on one machine: one redis-server of the test's own, two server processes
 * (dist/server/main.js, each on its own port) and two worker processes (dist/worker/main.js), sharing
 * that Redis, one file store folder and one SESSION_SECRET, as two replicas behind a load balancer do.
 * Nothing here runs in the test's own process but the HTTP client and a Redis connection for reading.
 */

/** The budgets this file sets small, so reaching them takes a handful of requests. */
const DOWNLOADS_PER_WINDOW = 4;
const SIGN_IN_FAILURES_PER_ADDRESS = 3;
/** Print jobs of the batch that both workers share. */
const BATCH = 8;

const admin = { email: `chair-${randomBytes(4).toString('hex')}@example.org`, password: randomBytes(18).toString('base64url') };
watchAccount(admin);
const adminToken = randomBytes(32).toString('base64url');

let redis: Awaited<ReturnType<typeof startTestRedis>> | undefined;
let database: TestDatabase | undefined;
const tempDirs: string[] = [];
let filesDir: string;
const servers: ServerProcess[] = [];
let A: ServerProcess;
let B: ServerProcess;
const workers: WorkerProcess[] = [];
/** Worker id (BullMQ's worker name, `processedBy` of its jobs) of each worker process, by pid. */
const workerIds = new Map<number, string>();
/** The test's own connection, for reading the queue and the heartbeats as an operator would. */
let connection: Redis | undefined;
let queue: PrintQueue | undefined;
/** The admin, signed in on A. */
let browser: TestClient;

/** GET /api/admin/status of one server, with the read-only ADMIN_TOKEN. */
async function statusOf(server: ServerProcess): Promise<Record<string, any>> {
  const res = await fetch(`${server.url}/api/admin/status`, { headers: { Authorization: `Bearer ${adminToken}` }, signal: AbortSignal.timeout(patient(2000)) });
  if (res.status !== 200) throw new Error(`status of ${server.url}: ${res.status}`);
  return (await res.json()) as Record<string, any>;
}

/** Whether every server's status satisfies `test` (false, not a throw, while one does not answer: the caller polls). */
async function allServers(test: (status: Record<string, any>) => boolean): Promise<boolean> {
  const statuses = await Promise.all(servers.map(statusOf)).catch(() => null);
  return statuses !== null && statuses.every(test);
}

/** Both servers' ladders are calm (start-up, renders and the switch can move them for a moment). */
async function bothNormal(timeoutMs = 15_000): Promise<void> {
  await waitFor('both servers in normal mode', () => allServers((s) => s.mode === 'normal'), timeoutMs, 100);
}

/** Stops a worker gracefully, or kills it after `graceMs`. */
async function stopWorker(worker: WorkerProcess, graceMs = 5000): Promise<void> {
  const timer = setTimeout(() => void worker.stop('SIGKILL'), graceMs);
  await worker.stop('SIGTERM');
  clearTimeout(timer);
}

beforeAll(() => {
  builtDist(['server/main.js', 'worker/main.js', 'worker/render-pool/render-thread.js']);
}, patient(180_000));

beforeAll(async () => {
  redis = await startTestRedis();
  database = await createTestDatabase();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-scale-out-'));
  tempDirs.push(base);
  filesDir = path.join(base, 'files');
  const common = { REDIS_URL: redis.url, DATABASE_URL: database.url, DATA_DIR: path.join(base, 'data'), FILES_DIR: filesDir };
  // One render thread each, so a batch cannot all go to whichever worker wakes first; fast heartbeats so
  // the servers count both workers soon after start.
  for (let i = 0; i < 2; i++) workers.push(new WorkerProcess({ ...common, WORKER_CONCURRENCY: '1', WORKER_METRICS_PORT: '0', WORKER_HEARTBEAT_MS: '300' }));
  const serverEnv = {
    ...common,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_TOKEN: adminToken,
    FIRST_ADMIN_EMAIL: admin.email,
    FIRST_ADMIN_PASSWORD: admin.password,
    FIRST_ADMIN_ORG: 'Riverside Scale-out',
    // The test speaks for other client addresses with X-Forwarded-For, so each rate-limit case has its own.
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_DOWNLOADS: String(DOWNLOADS_PER_WINDOW),
    // Following nine jobs polls the API many times a second from one address: not what is limited here.
    RATE_LIMIT_READS: '100000',
    SIGN_IN_ATTEMPTS_PER_ADDRESS: String(SIGN_IN_FAILURES_PER_ADDRESS),
  };
  // Both at once, as a deployment starts its replicas (both try to make the first admin).
  await Promise.all([0, 1].map(async () => servers.push(await ServerProcess.start(serverEnv))));
  [A, B] = servers as [ServerProcess, ServerProcess];

  connection = createFailFastRedis(redis.url);
  connection.on('error', () => undefined);
  // A fail-fast connection has no offline queue: BullMQ's first command must not come before 'ready'.
  if (connection.status !== 'ready') await new Promise((resolve) => connection!.once('ready', resolve));
  queue = new PrintQueue(connection);
  queue.queue.on('error', () => undefined);
  for (const w of workers) {
    const ready = await w.waitForLog((l) => l.msg === 'worker ready', 20_000);
    workerIds.set(w.pid, String(ready.workerId));
  }
  await waitFor('both servers count two live workers', () => allServers((s) => s.printQueue.workers === 2), 10_000, 100);
  await bothNormal();

  browser = new TestClient(A.url);
}, patient(60_000));

afterAll(async () => {
  await Promise.all([...servers.map((s) => s.stop()), ...workers.map((w) => stopWorker(w))]);
  await queue?.close().catch(() => undefined);
  connection?.disconnect();
  await redis?.cleanup();
  await database?.cleanup();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}, patient(30_000));

describe('two server processes and two workers on one Redis', () => {
  it('are separate processes: each server answers with its own pid, and each counts both workers', async () => {
    const [a, b] = await Promise.all([statusOf(A), statusOf(B)]);
    expect(a.process.pid).toBe(A.pid);
    expect(b.process.pid).toBe(B.pid);
    expect([a.printQueue.workers, b.printQueue.workers]).toEqual([2, 2]);
    expect(new Set([A.pid, B.pid, ...workers.map((w) => w.pid), process.pid]).size).toBe(5);
    // Each live worker has its heartbeat key. Its time to live is three 300 ms beats, so on a loaded
    // machine a key can lapse for a moment between two beats: wait for both to be there together.
    const pids = workers.map((w) => w.pid).sort();
    await waitFor('a heartbeat from each worker', async () => {
      const beats = await readWorkerHeartbeats(connection!);
      return JSON.stringify(beats.map((h) => h.pid).sort()) === JSON.stringify(pids);
    }, 10_000, 50);
    // Both replicas tried to make the first admin at start; exactly one did.
    expect([...A.lines('created the first admin account'), ...B.lines('created the first admin account')]).toHaveLength(1);
  });
});

describe('a session started on one server', () => {
  it('works on the other, with the same CSRF token, and signing out on the other ends it on both', async () => {
    const signIn = await browser.signIn(admin.email, admin.password);
    expect(signIn.status).toBe(200);
    const onB = await browser.at(B.url).request('/api/session');
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({ account: { email: admin.email, role: 'admin' }, csrfToken: browser.csrfToken });

    // A second session of the same admin, ended on B.
    const other = new TestClient(A.url);
    expect((await other.signIn(admin.email, admin.password)).status).toBe(200);
    expect((await other.at(B.url).request('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect(await (await other.request('/api/session')).json()).toEqual({ account: null, csrfToken: null });
    // The first session is untouched, on both.
    for (const url of [A.url, B.url]) expect(((await (await browser.at(url).request('/api/session')).json()) as { account: unknown }).account).not.toBeNull();
  });
});

describe('print jobs', () => {
  let template: Record<string, any>;
  beforeAll(async () => {
    const res = await browser.request('/api/templates/a5-flyer');
    expect(res.status).toBe(200);
    template = ((await res.json()) as { design: Record<string, any> }).design;
  });
  const flyer = (headline: string) => {
    const design = structuredClone(template);
    design.title = headline;
    design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = headline;
    return design;
  };
  const submit = async (client: TestClient, design: unknown) => {
    const res = await client.request('/api/print-jobs', { json: printJobBody(design as object, { copies: 50 }) });
    expect(res.status).toBe(202);
    return (await res.json()) as { id: string; statusUrl: string; status: string };
  };

  it('sent to A, is visible on B at once, completes, and its PDF downloads from B', async () => {
    const onB = browser.at(B.url);
    const accepted = await submit(browser, flyer('Buses every ten minutes'));
    const seen = await onB.request(accepted.statusUrl);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ id: accepted.id, status: expect.stringMatching(/^(queued|rendering|done)$/) });

    const done = await waitForJob(onB, accepted.statusUrl, 20_000);
    expect(done).toMatchObject({ id: accepted.id, status: 'done', download: { url: expect.stringMatching(/^\/downloads\/[a-f0-9]{64}\.pdf$/), pages: 2 } });
    const pdf = await onB.request(done.download.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const data = Buffer.from(await pdf.arrayBuffer());
    expect(data.length).toBe(done.download.bytes);
    const facts = await readPdf(data);
    expect(facts.pages).toHaveLength(2);
    expect(facts.text.replace(/\s+/g, ' ')).toContain('Buses every ten minutes');
  }, patient(30_000));

  it(`in a batch of ${BATCH} sent to both servers, are shared by both workers and each rendered exactly once`, async () => {
    await bothNormal();
    const clients = [browser, browser.at(B.url)];
    const designs = Array.from({ length: BATCH }, (_, i) => flyer(`Leaflet ${i + 1} of the batch`));
    // At once, alternating servers: while one worker renders, the other is waiting for the next job.
    const accepted = await Promise.all(designs.map((d, i) => submit(clients[i % 2]!, d)));
    const ids = accepted.map((a) => a.id);
    expect(new Set(ids).size).toBe(BATCH);
    // Followed on the other server than the one it was sent to.
    const done = await Promise.all(accepted.map((a, i) => waitForJob(clients[(i + 1) % 2]!, a.statusUrl, 30_000)));
    expect(done.map((d) => d.status)).toEqual(ids.map(() => 'done'));

    // Who rendered what, from Redis: BullMQ records the worker's name (its worker id) on the job.
    const jobs = await Promise.all(ids.map(async (id) => (await queue!.queue.getJob(id))!));
    const byWorker = new Map<string, string[]>();
    for (const job of jobs) {
      expect(job.returnvalue.renderMs).toBeGreaterThan(0); // drawn, not a PDF found already made
      byWorker.set(job.processedBy!, [...(byWorker.get(job.processedBy!) ?? []), job.id!]);
    }
    expect([...byWorker.keys()].sort()).toEqual([...workerIds.values()].sort());

    // ... and from each worker process's own log, which must agree: every job done once, by that worker.
    await waitFor('each worker logged its jobs', () => workers.every((w) => (byWorker.get(workerIds.get(w.pid)!) ?? []).every((id) => w.lines('print job done').some((l) => l.jobId === id))), 5000);
    const doneLines = workers.flatMap((w) => w.lines('print job done').filter((l) => ids.includes(String(l.jobId))).map((l) => ({ worker: workerIds.get(w.pid)!, jobId: String(l.jobId) })));
    expect(doneLines.map((l) => l.jobId).sort()).toEqual([...ids].sort());
    for (const { worker, jobId } of doneLines) expect(byWorker.get(worker)).toContain(jobId);
    for (const w of workers) {
      expect(w.lines('print job done').filter((l) => ids.includes(String(l.jobId))).length).toBeGreaterThanOrEqual(1);
      expect(w.lines('print job failed')).toEqual([]);
    }

    // ... and from the queue's event stream (one `completed` per job), the file store (one PDF per
    // design) and the heartbeats (each worker's count of completed jobs matches its log).
    const entries = await connection!.xrange(queue!.queue.toKey('events'), '-', '+');
    const completions = entries.filter(([, f]) => f[f.indexOf('event') + 1] === 'completed').map(([, f]) => f[f.indexOf('jobId') + 1]!);
    expect(ids.map((id) => completions.filter((c) => c === id).length)).toEqual(ids.map(() => 1));
    const pdfs = fs.readdirSync(path.join(filesDir, 'pdfs')).filter((n) => n.endsWith('.pdf'));
    expect(new Set(done.map((d) => d.download.url)).size).toBe(BATCH);
    for (const d of done) expect(pdfs).toContain(path.basename(d.download.url));
    await waitFor('heartbeats count every completed job', async () => {
      const beats = await readWorkerHeartbeats(connection!);
      return workers.every((w) => beats.find((h) => h.pid === w.pid)?.completed === w.lines('print job done').length);
    }, 5000, 100);
  }, patient(45_000));
});

describe('the maintenance switch', () => {
  // How fast a switch travels is not timed here (a loaded machine says nothing about it): that it travels by
  // the announcement, and by the 500 ms poll when an announcement is lost, is shown in maintenance-switch.test.ts.
  it('switched on via A reaches B, and switched back to auto via B reaches A', async () => {
    await bothNormal();
    const message = 'New printer drivers: back in ten minutes';
    const on = await browser.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'scale-out test', message } });
    expect(on.status).toBe(200);
    expect(((await on.json()) as { mode: string }).mode).toBe('maintenance');
    await waitFor('B in maintenance', async () => (await statusOf(B).catch(() => null))?.mode === 'maintenance', 3000, 10);

    // B acts on it: pages and the API answer 503 with the admin's message.
    const page = await fetch(B.url, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await page.text()).toContain(message);
    const api = await browser.at(B.url).request('/api/templates');
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: 'maintenance' }, maintenance: { message } });
    const seenOnB = await statusOf(B);
    expect(seenOnB.switch).toMatchObject({ mode: 'on', message });
    expect(seenOnB.changes[0]).toMatchObject({ to: 'maintenance', reason: 'admin_switch' });
    expect(seenOnB.audit[0]).toMatchObject({ to: 'on', reason: 'scale-out test', message });

    // Back to auto, from B with the session and CSRF token that A gave.
    const auto = await browser.at(B.url).request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'drivers installed' } });
    expect(auto.status).toBe(200);
    await waitFor('A out of maintenance', async () => (await statusOf(A).catch(() => null))?.switch.mode === 'auto', 3000, 10);
    expect((await browser.request('/api/templates')).status).toBe(200);
  }, patient(30_000));
});

describe('rate limits', () => {
  it('count PDF downloads from one address across both servers: the 429 comes after the budget in all, not per server', async () => {
    await bothNormal();
    const hash = randomBytes(32).toString('hex');
    await new DirectoryFileStore(filesDir).put(pdfKey(hash), Buffer.from('%PDF-1.7 a finished leaflet'));
    const download = (server: ServerProcess, address: string) => fetch(`${server.url}/downloads/${hash}.pdf`, { headers: { 'X-Forwarded-For': address } });
    const client = '198.51.100.23';

    const answers: Response[] = [];
    for (let i = 0; i < DOWNLOADS_PER_WINDOW; i++) answers.push(await download(i % 2 === 0 ? A : B, client));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    // One count: what is left goes down by one per request, whichever server answers.
    expect(answers.map((r) => /r=(\d+)/.exec(r.headers.get('ratelimit') ?? '')?.[1])).toEqual(answers.map((_, i) => String(DOWNLOADS_PER_WINDOW - 1 - i)));
    for (const r of answers) {
      expect(r.headers.get('ratelimit')).toMatch(/^"downloads"; r=\d+; t=\d+$/);
      expect(r.headers.get('ratelimit-policy')).toMatch(new RegExp(`^"downloads"; q=${DOWNLOADS_PER_WINDOW}; w=60; pk=:[^:]+:$`));
    }

    for (const server of [A, B]) {
      const over = await download(server, client);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(over.headers.get('ratelimit')).toMatch(/^"downloads"; r=0; t=\d+$/);
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    }
    // Per address: another client still downloads from both.
    for (const server of [A, B]) expect((await download(server, '198.51.100.24')).status).toBe(200);
  });

  it('count failed sign-ins from one address across both servers', async () => {
    const client = '203.0.113.77';
    const attempt = (server: ServerProcess) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client }, body: JSON.stringify({ email: 'nobody@example.org', password: 'not the right password at all' }) });
    const answers: Response[] = [];
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS; i++) answers.push(await attempt(i % 2 === 0 ? A : B));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 401));
    expect(answers.map((r) => /r=(\d+)/.exec(r.headers.get('ratelimit') ?? '')?.[1])).toEqual(answers.map((_, i) => String(SIGN_IN_FAILURES_PER_ADDRESS - 1 - i)));
    for (const server of [B, A]) {
      const over = await attempt(server);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(over.headers.get('ratelimit-policy')).toMatch(new RegExp(`q=${SIGN_IN_FAILURES_PER_ADDRESS};`));
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    }
  });
});

describe('privacy across processes', () => {
  it('no answer and no log line of the four processes holds the admin\'s password, nor a log line their email address', () => {
    expect(recordedLeaks()).toEqual([]);
    expect(checkLogLines([...servers, ...workers].flatMap((p) => p.logs.map((l) => JSON.stringify(l))))).toEqual([]);
  });
});
