import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AdminTelemetryResponse, TelemetryBucket } from '../../common/api/admin-telemetry';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { waitFor, waitForValue, patient } from '../support/wait-for';
import { printJobBody } from '../support/real-imprint';

jest.setTimeout(patient(60_000));

/** Reads allowed per address in a window: the rest of this test's template reads are refused with 429. */
const READS = 8;

let rosette: RunningRosette;
/** A stand-in for the built browser client: the console page is its index.html. */
let clientDir: string;
let admin: TestClient;
let campaigner: TestClient;
beforeAll(async () => {
  // Two server instances and the worker, each publishing its own figures, as separate processes do.
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-client-'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Rosette</title><div id="root"></div>');
  rosette = await startRosette({ RATE_LIMIT_READS: String(READS) }, clientDir, { servers: 2, telemetry: true });
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin' }));
  campaigner = await rosette.signedIn(await rosette.createAccount());
});
afterAll(async () => {
  await rosette?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

const asToken = (path: string) => fetch(rosette.baseUrl + path, { headers: { Authorization: `Bearer ${rosette.adminToken}` } });

async function telemetry(): Promise<AdminTelemetryResponse> {
  const res = await admin.request('/api/admin/telemetry');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as AdminTelemetryResponse;
}

/** A figure added up over every bucket, back from a rate to a count. */
function total(body: AdminTelemetryResponse, figure: (b: TelemetryBucket) => number | null, perMs = 1000): number {
  return Math.round(body.buckets.reduce((sum, b) => sum + ((figure(b) ?? 0) * body.bucketMs) / perMs, 0));
}

/** Reads the telemetry until `check` holds for it. */
async function until(check: (body: AdminTelemetryResponse) => boolean, timeoutMs = 15_000): Promise<AdminTelemetryResponse> {
  let last: AdminTelemetryResponse | null = null;
  return waitForValue(
    'telemetry shows it',
    async () => {
      last = await telemetry();
      return check(last) ? last : null;
    },
    { timeoutMs, everyMs: 500, detail: () => JSON.stringify(last).slice(0, 2000) },
  );
}

describe('GET /api/admin/telemetry', () => {
  it('shows the requests every server served and shed, and the jobs the worker rendered', async () => {
    // First a print job (its status polls are reads too, which the flood below uses up).
    const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: unknown }).design;
    const job = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design as object, { copies: 10 }) })).json()) as { statusUrl: string };
    expect((await waitForJob(campaigner, job.statusUrl)).status).toBe('done');
    // Template reads on both servers from one address: what is left of READS is served, the rest refused (429).
    const statuses: number[] = [];
    for (let i = 0; i < READS + 6; i++) statuses.push((await fetch(`${rosette.baseUrls[i % 2]}/api/templates`)).status);
    const served = statuses.filter((s) => s === 200).length;
    const refused = statuses.filter((s) => s === 429).length;
    expect(served + refused).toBe(statuses.length);
    expect(refused).toBeGreaterThanOrEqual(6);

    const body = await until((b) => total(b, (x) => x.shed.api) >= refused && total(b, (x) => x.jobsPerMinute, 60_000) >= 1 && b.processes.filter((p) => p.live).length === 3);
    // Both also count the campaigner's own calls (sign-in, the job's status polls, some of them refused too).
    expect(total(body, (b) => b.served.api)).toBeGreaterThanOrEqual(served);
    expect(total(body, (b) => b.shed.api)).toBeGreaterThanOrEqual(refused);
    expect(total(body, (b) => b.shed.page + b.shed.print + b.shed.download)).toBe(0);
    expect(body.buckets.some((b) => b.renderMs !== null && b.renderMs.p50 > 0)).toBe(true);
    // (The rung is whatever the ladder says: a fresh harness may read busy while it looks for its worker.)
    expect(body.buckets.at(-1)).toMatchObject({ servers: 2, rung: expect.any(Number), queue: expect.objectContaining({ waiting: expect.any(Number), paused: false }) });
    expect(body.processes.map((p) => p.kind).sort()).toEqual(['server', 'server', 'worker']);
    expect(body.bucketMs).toBe(2000);
    // Buckets line up on the bucket width, oldest first.
    for (const b of body.buckets) expect(b.t % body.bucketMs).toBe(0);
    expect(body.buckets.map((b) => b.t)).toEqual([...body.buckets.map((b) => b.t)].sort((a, b) => a - b));
  });

  it('answers only the buckets from `since` on', async () => {
    // At least two buckets, so that asking from the newest on leaves an older one out.
    const all = await until((b) => b.buckets.length >= 2);
    const since = all.buckets.at(-1)!.t;
    const res = await admin.request(`/api/admin/telemetry?since=${since}`);
    expect(res.status).toBe(200);
    const recent = (await res.json()) as AdminTelemetryResponse;
    // The bucket at `since` and any newer one that began meanwhile; none of the older ones.
    expect(recent.buckets.length).toBeGreaterThanOrEqual(1);
    expect(recent.buckets[0]!.t).toBe(since);
    expect(recent.buckets.every((b) => b.t >= since)).toBe(true);
    expect((await admin.request('/api/admin/telemetry?since=yesterday')).status).toBe(400);
  });

  it('is open to an admin account and the read-only token, and to nobody else', async () => {
    expect((await rosette.anonymous().request('/api/admin/telemetry')).status).toBe(401);
    expect((await campaigner.request('/api/admin/telemetry')).status).toBe(403);
    expect((await asToken('/api/admin/telemetry')).status).toBe(200);
    expect((await fetch(`${rosette.baseUrl}/api/admin/telemetry`, { headers: { Authorization: 'Bearer not-the-token' } })).status).toBe(401);
  });

});

describe('the console page, /admin', () => {
  it('is served (never cached) in maintenance, when the home page is not', async () => {
    const on = await admin.request('/api/admin/maintenance', { json: { mode: 'on', message: 'Back soon.', reason: 'console test' } });
    expect(on.status).toBe(200);
    try {
      const home = await fetch(rosette.baseUrl + '/', { headers: { Accept: 'text/html' } });
      expect(home.status).toBe(503);
      for (const page of ['/admin', '/admin/', '/admin/accounts']) {
        const res = await fetch(rosette.baseUrl + page, { headers: { Accept: 'text/html' } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toContain('<div id="root">');
      }
    } finally {
      expect((await admin.request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'console test done' } })).status).toBe(200);
    }
  });
});

describe('GET /api/admin/telemetry without Redis', () => {
  it('answers 503 with a plain sentence while Redis is down, and the status still answers', async () => {
    await rosette.redis.stop();
    try {
      const res = await asToken('/api/admin/telemetry');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('telemetry_unavailable');
      expect(body.error.message).not.toMatch(/at \w+ \(|Error:/);
      expect((await asToken('/api/admin/status')).status).toBe(200);
    } finally {
      await rosette.redis.start();
    }
    // Back by itself once Redis is (this test's Redis kept nothing, so the admin's session is gone: the token).
    await waitFor('telemetry back with Redis', async () => (await asToken('/api/admin/telemetry')).status === 200, 15_000, 250);
  });
});
