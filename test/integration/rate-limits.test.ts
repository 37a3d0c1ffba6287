import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { waitFor } from '../support/wait-for';

/** Readings that keep the ladder where the test puts it: calm unless `loop.utilization` says busy. */
const loop = { utilization: 0 };
const probes = {
  eventLoop: () => ({ delayMs: 0, utilization: loop.utilization }),
  queue: async () => ({ waiting: 0, active: 0, finished: 0, workers: 1 }),
  // A real PING on a loaded machine can pass the busy mark (50 ms) and halve the budgets mid-test.
  redis: async () => ({ up: true, latencyMs: 1 }),
};

let rosette: RunningRosette;
beforeAll(async () => {
  // Behind a proxy on loopback, so the tests can speak for many client addresses with X-Forwarded-For.
  rosette = await startRosette({ RATE_LIMIT_READS: '5', RATE_LIMIT_DOWNLOADS: '3', RATE_LIMIT_WINDOW_SECONDS: '60', TRUST_PROXY: 'loopback' }, undefined, { servers: 2, probes, sampleIntervalMs: 50 });
});
afterAll(async () => {
  await rosette?.close();
});

const from = (address: string, base: string, path = '/api/templates') => fetch(base + path, { headers: { 'X-Forwarded-For': address } });

describe('rate limits', () => {
  it('answer 429 with Retry-After and the standard RateLimit headers, counting across both instances', async () => {
    const [a, b] = rosette.baseUrls as [string, string];
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) answers.push(await from('198.51.100.7', i % 2 === 0 ? a : b));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]!.headers.get('ratelimit')).toMatch(/^"reads"; r=4; t=\d+$/);
    expect(answers[0]!.headers.get('ratelimit-policy')).toMatch(/^"reads"; q=5; w=60; pk=:[^:]+:$/);
    expect(answers[4]!.headers.get('ratelimit')).toMatch(/^"reads"; r=0; t=\d+$/);

    const over = await from('198.51.100.7', b);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('ratelimit')).toMatch(/r=0/);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // The other instance knows too (the count is in Redis), and the gate then answers it without Express.
    expect((await from('198.51.100.7', a)).status).toBe(429);
    const again = await from('198.51.100.7', a);
    expect(again.status).toBe(429);
    expect(again.headers.get('ratelimit')).toMatch(/^"reads"; r=0; t=\d+$/);
  });

  it('keep separate budgets: a client out of reads can still download', async () => {
    const [a] = rosette.baseUrls as [string];
    expect((await from('198.51.100.7', a)).status).toBe(429);
    expect((await from('198.51.100.7', a, `/downloads/${'c'.repeat(64)}.pdf`)).status).toBe(404);
  });

  it('count IPv6 clients by /56', async () => {
    const [a] = rosette.baseUrls as [string];
    for (let i = 0; i < 3; i++) expect((await from(`2001:db8:1:1${i}0::${i + 1}`, a, '/downloads/x.pdf')).status).toBe(404);
    expect((await from('2001:db8:1:1ff::9', a, '/downloads/x.pdf')).status).toBe(429); // same /56
    expect((await from('2001:db8:1:200::1', a, '/downloads/x.pdf')).status).toBe(404); // the next /56
  });

  it('tighten while busy', async () => {
    const [a] = rosette.baseUrls as [string];
    loop.utilization = 1;
    await waitFor('busy', () => rosette.servers.every((s) => s.overload.mode === 'busy'), 5000);
    const res = await from('203.0.113.50', a);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-policy')).toMatch(/q=2;/);
    loop.utilization = 0;
    await waitFor('normal', () => rosette.servers.every((s) => s.overload.mode === 'normal'), 10_000);
    expect((await from('203.0.113.50', a)).headers.get('ratelimit-policy')).toMatch(/q=5;/);
  });
});

describe('when the limit store cannot be reached (before the sampler has noticed)', () => {
  let blind: RunningRosette;
  beforeAll(async () => {
    // A sampler that never samples again after the first: the gate keeps believing Redis is up.
    blind = await startRosette({}, undefined, { probes, sampleIntervalMs: 3_600_000 });
  });
  afterAll(async () => {
    await blind.redis.start();
    // Let every connection (the worker's too) find Redis again before closing them.
    await waitFor('reconnected', () => blind.serverRedis.status === 'ready', 10_000);
    await new Promise((r) => setTimeout(r, 2500));
    await blind?.close();
  });

  it('lets downloads through and answers the rest with 503, never 500', async () => {
    const hash = 'd'.repeat(64);
    await blind.store.put(`pdfs/${hash}.pdf`, Buffer.from('%PDF-1.7'));
    await blind.redis.stop();
    await waitFor('connection down', () => blind.serverRedis.status !== 'ready');
    expect((await fetch(`${blind.baseUrl}/downloads/${hash}.pdf`)).status).toBe(200);
    const read = await fetch(`${blind.baseUrl}/api/templates`);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await fetch(`${blind.baseUrl}/healthz`)).status).toBe(200);
  });
});
