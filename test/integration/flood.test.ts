import { flood } from '../support/flood';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';

let rosette: RunningRosette;
beforeAll(async () => {
  // Production-like limits for one address, and a small cap on requests in flight, so the flood meets both.
  rosette = await startRosette({ RATE_LIMIT_READS: '600', RATE_LIMIT_DOWNLOADS: '600', MAX_IN_FLIGHT: '32' });
});
afterAll(async () => {
  await rosette?.close();
});

const SHED_OR_SERVED = new Set([200, 304, 404, 429, 503]);

describe('a flood of one endpoint from one address', () => {
  it.each([
    ['the template gallery', '/api/templates', new Set([200, 429, 503])],
    ['the home page', '/', new Set([200, 404, 429, 503])],
    ['a missing PDF', `/downloads/${'e'.repeat(64)}.pdf`, new Set([404, 429, 503])],
  ])('%s: 2000 requests over 200 connections are served or shed (429/503), never failed', async (_what, path, allowed) => {
    const counts = await flood(rosette.baseUrl + path, { total: 2000, connections: 200 });
    const statuses = [...counts.keys()];
    expect(statuses.filter((s) => !allowed.has(s) || !SHED_OR_SERVED.has(s))).toEqual([]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect((counts.get(429) ?? 0) + (counts.get(503) ?? 0)).toBeGreaterThan(0);
  });

  it('leaves the server answering normally', async () => {
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
  });
});
