import net from 'node:net';
import { Queue } from 'bullmq';
import { pdfKey, PRINT_QUEUE, QUEUE_PREFIX } from '../../common/queue/names';
import { LADDER_RULES } from '../../server/overload/ladder-rules';
import type { QueueReading } from '../../server/overload/probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { holdRequests } from '../support/held-requests';
import { waitFor } from '../support/wait-for';
import { printJobBody } from '../support/real-imprint';

/** What the fake event-loop probe reports; the rest of the probes are real. */
const loop = { delayMs: 0 };
let rosette: RunningRosette;
/** A signed-in admin: only an admin account may move the switch. */
let admin: TestClient;
beforeAll(async () => {
  rosette = await startRosette({ MAX_IN_FLIGHT: '4' }, undefined, { probes: { eventLoop: () => ({ delayMs: loop.delayMs, utilization: 0 }) }, sampleIntervalMs: 50 });
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin' }));
});
afterAll(async () => {
  await rosette?.close();
});

const hash = 'a'.repeat(64);
const adminSwitch = (body: unknown) => admin.request('/api/admin/maintenance', { json: body });
const state = () => rosette.servers[0]!.overload;
const postJob = () => fetch(`${rosette.baseUrl}/api/print-jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

async function expectShed(res: Response, code: string) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body;
}

describe('when an admin switches maintenance on', () => {
  beforeAll(async () => {
    await rosette.store.put(pdfKey(hash), Buffer.from('%PDF-1.7 a finished leaflet'));
    const res = await adminSwitch({ mode: 'on', message: 'Back <soon> & "safe"', expectedBackAt: new Date(Date.now() + 600_000).toISOString(), reason: 'testing maintenance' });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    expect((await adminSwitch({ mode: 'auto', reason: 'test over' })).status).toBe(200);
  });

  it('answers the API with 503, Retry-After until the expected return, and a JSON error carrying the message', async () => {
    const body = (await expectShed(await fetch(`${rosette.baseUrl}/api/templates`), 'maintenance')) as unknown as { maintenance: { message: string; expectedBackAt: string } };
    expect(body.maintenance.message).toBe('Back <soon> & "safe"');
    expect(Date.parse(body.maintenance.expectedBackAt)).toBeGreaterThan(Date.now());
    const res = await fetch(`${rosette.baseUrl}/api/templates/a5-flyer`);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500);
    await expectShed(await postJob(), 'maintenance');
  });

  it('answers browsers with the HTML maintenance page, the message escaped', async () => {
    const res = await fetch(`${rosette.baseUrl}/`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const page = await res.text();
    expect(page).toContain('Back &lt;soon&gt; &amp; &quot;safe&quot;');
    expect(page).not.toContain('<soon>');
    expect(page).toMatch(/<time datetime="[^"]+">/);
  });

  it('keeps serving finished PDFs, health checks and the admin API', async () => {
    const pdf = await fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).toString()).toContain('a finished leaflet');
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
    const status = await fetch(`${rosette.baseUrl}/api/admin/status`, { headers: { Authorization: `Bearer ${rosette.adminToken}` } });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ mode: 'maintenance', cause: { reason: 'admin_switch' }, switch: { mode: 'on', reason: 'testing maintenance' } });
  });
});

describe('when the event loop is late enough for degraded', () => {
  const degraded = LADDER_RULES.find((r) => r.signal === 'eventLoopDelayMs')!.marks.degraded!;
  afterAll(async () => {
    loop.delayMs = 0;
    await waitFor('back to normal', () => state().mode === 'normal', 15_000);
  });

  it('refuses new print jobs with 503, Retry-After and a plain message, and serves everything else', async () => {
    loop.delayMs = (degraded.enter + LADDER_RULES.find((r) => r.signal === 'eventLoopDelayMs')!.marks.maintenance!.enter) / 2;
    await waitFor('degraded', () => state().mode === 'degraded', 10_000);
    const body = await expectShed(await postJob(), 'print_jobs_paused');
    expect(body.error.message).toMatch(/not taking new print jobs/);
    expect((await fetch(`${rosette.baseUrl}/api/templates`)).status).toBe(200);
    expect((await fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`)).status).toBe(200);
    const status = (await (await fetch(`${rosette.baseUrl}/api/admin/status`, { headers: { Authorization: `Bearer ${rosette.adminToken}` } })).json()) as Record<string, any>;
    expect(status).toMatchObject({ mode: 'degraded', cause: { reason: 'event_loop_delay', signal: 'eventLoopDelayMs', threshold: degraded.enter } });
  });
});

describe('when too many requests are in flight', () => {
  /** Requests held in flight: headers sent, the body never finished. */
  const held: net.Socket[] = [];
  afterAll(() => held.forEach((s) => s.destroy()));
  const hold = async (n: number) => held.push(...(await holdRequests(rosette, n)));

  it('turns cheap anonymous reads away first, with 503 and Retry-After, and still answers health checks and downloads', async () => {
    await hold(3); // MAX_IN_FLIGHT 4: reads may fill half, downloads all of it
    await expectShed(await fetch(`${rosette.baseUrl}/api/templates`), 'overloaded');
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`)).status).toBe(200);
    held.splice(0).forEach((s) => s.destroy());
    await waitFor('requests done', () => rosette.servers[0]!.gate.inFlight === 0);
    expect((await fetch(`${rosette.baseUrl}/api/templates`)).status).toBe(200);
  });

  it('keeps places of their own for downloads when other requests fill the whole limit', async () => {
    await hold(4); // MAX_IN_FLIGHT 4, all taken by requests that are not downloads
    await expectShed(await fetch(`${rosette.baseUrl}/api/templates`), 'overloaded');
    const downloads = await Promise.all([1, 2, 3].map(() => fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`)));
    expect(downloads.map((r) => r.status)).toEqual([200, 200, 200]);
    held.splice(0).forEach((s) => s.destroy());
    await waitFor('requests done', () => rosette.servers[0]!.gate.inFlight === 0);
  });
});

describe('heavy requests (HEAVY_REQUESTS_AT_ONCE)', () => {
  /** A print job whose headers are sent and whose body never ends: it holds a heavy slot. */
  const holdPrintJob = (port: string) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('POST /api/print-jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"design":');
    return socket;
  };

  it('works on a few at a time: the next waits its turn while downloads and health checks are answered at once', async () => {
    await rosette.store.put(pdfKey(hash), Buffer.from('%PDF-1.7 a finished leaflet'));
    const { port } = new URL(rosette.baseUrl);
    const holders = [holdPrintJob(port)]; // HEAVY_REQUESTS_AT_ONCE is 1 by default
    try {
      await waitFor('held', () => rosette.servers[0]!.gate.inFlight >= 1);
      let answered = false;
      const waiting = postJob().then((res) => {
        answered = true;
        return res;
      });
      expect((await fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`)).status).toBe(200);
      expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(answered).toBe(false);
      holders[0]!.destroy();
      // Its turn came: the app answers it (401: no session).
      expect((await waiting).status).toBe(401);
    } finally {
      holders.forEach((s) => s.destroy());
    }
    await waitFor('requests done', () => rosette.servers[0]!.gate.inFlight === 0);
  });
});

describe('the priority listener (PRIORITY_PORT)', () => {
  let priority: string;
  beforeAll(async () => {
    priority = `http://127.0.0.1:${(await rosette.servers[0]!.listenPriority(0, '127.0.0.1')).port}`;
  });

  it('serves finished PDFs, health checks and the admin API on a port of its own', async () => {
    expect((await fetch(`${priority}/downloads/${hash}.pdf`)).status).toBe(200);
    expect((await fetch(`${priority}/healthz`)).status).toBe(200);
    expect((await fetch(`${priority}/api/admin/status`, { headers: { authorization: `Bearer ${rosette.adminToken}` } })).status).toBe(200);
  });

  it('answers anything else with 421 and a message naming the main port, not with the app', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/api/templates'], ['POST', '/api/print-jobs']] as const) {
      const res = await fetch(`${priority}${path}`, { method });
      expect({ path, status: res.status, retryAfter: res.headers.get('retry-after') }).toEqual({ path, status: 421, retryAfter: null });
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'misdirected', message: expect.stringContaining('main port') });
    }
  });

  it('goes through the same gate: in maintenance its downloads still work and the main port sheds', async () => {
    await adminSwitch({ mode: 'on', reason: 'priority listener test', message: 'Back soon' });
    await waitFor('maintenance', () => state().mode === 'maintenance');
    try {
      expect((await fetch(`${priority}/downloads/${hash}.pdf`)).status).toBe(200);
      expect((await fetch(`${rosette.baseUrl}/api/templates`)).status).toBe(503);
    } finally {
      await adminSwitch({ mode: 'auto', reason: 'priority listener test done' });
      await waitFor('auto', () => state().mode !== 'maintenance');
    }
  });
});

describe('admission control', () => {
  let full: RunningRosette;
  const queue: QueueReading = { waiting: 1000, active: 2, finished: 0, workers: 2 };
  beforeAll(async () => {
    // The server's clock moves only with the queue readings: each is half a second later and one more job has
    // finished, so the two workers drain exactly 2 jobs/s in the server's time (the rate assumed for two
    // workers before any is measured is the same), however fast or slowly this machine samples.
    let clock = Date.now();
    let finished = 0;
    const reading = async () => {
      clock += 500;
      finished += 1;
      return { ...queue, finished };
    };
    full = await startRosette({ PRINT_MAX_WAIT_SECONDS: '300' }, undefined, { probes: { queue: reading }, sampleIntervalMs: 50, now: () => clock });
    await waitFor('sampled', () => full.servers[0]!.overload.waiting === 1000);
  });
  afterAll(async () => {
    await full?.close();
  });

  it('refuses a print job when the backlog would take longer than PRINT_MAX_WAIT_SECONDS, saying when to come back', async () => {
    // About 2 jobs/s: about 600 jobs fit and 1000 wait, so about 200 s until there is room.
    const res = await fetch(`${full.baseUrl}/api/print-jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = await expectShed(res, 'print_queue_full');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(150);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(body.error.message).toContain(`about ${retryAfter} seconds`);
  });

  it('tells an accepted job its estimated wait', async () => {
    queue.waiting = 0;
    await waitFor('sampled', () => full.servers[0]!.overload.waiting === 0);
    const client = await full.signedIn(await full.createAccount());
    const { design } = (await (await client.request('/api/templates/a6-postcard')).json()) as { design: unknown };
    expect(full.servers[0]!.overload.rate).toBeGreaterThan(0);
    // Nobody takes jobs while the queue is paused, so the third job waits at place 3: at about 2 jobs/s,
    // it starts in about 1.5 s, told as 2 s.
    const paused = new Queue(PRINT_QUEUE, { connection: { host: '127.0.0.1', port: full.redis.options.port }, prefix: QUEUE_PREFIX });
    await paused.pause();
    try {
      const bodies: Array<{ status: string; position: number; estimatedWaitSeconds: number }> = [];
      for (const copies of [1, 2, 3]) {
        const res = await client.request('/api/print-jobs', { json: printJobBody(design as object, { copies }) });
        expect(res.status).toBe(202);
        bodies.push((await res.json()) as (typeof bodies)[number]);
      }
      expect(bodies.map((b) => [b.status, b.position])).toEqual([
        ['queued', 1],
        ['queued', 2],
        ['queued', 3],
      ]);
      expect(bodies[2]!.estimatedWaitSeconds).toBe(2);
    } finally {
      await paused.resume();
      await paused.close();
    }
  });
});
