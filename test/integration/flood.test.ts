import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flood } from '../support/flood';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';

let clientDir: string;
beforeAll(() => {
  // A client of one page, so the home page is a real route (without a client, / is a 404 like any other).
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-flood-client-'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Rosette</title>');
});
afterAll(() => {
  fs.rmSync(clientDir, { recursive: true, force: true });
});

const SHED_OR_SERVED = new Set([200, 304, 404, 429, 503]);

describe.each([
  ['the template gallery', '/api/templates', 200, new Set([200, 429, 503])],
  ['the home page', '/', 200, new Set([200, 429, 503])],
  // A real route whose answer is a 404: misses count against the download limit too.
  ['a missing PDF', `/downloads/${'e'.repeat(64)}.pdf`, 404, new Set([404, 429, 503])],
])('a flood of %s (%s) from one address', (_what, route, answer, allowed) => {
  // A Rosette of its own per route: the routes share one address's read limit, which one flood uses up.
  let rosette: RunningRosette;
  beforeAll(async () => {
    // Production-like limits for one address, and a small cap on requests in flight, so the flood meets both.
    rosette = await startRosette({ RATE_LIMIT_READS: '600', RATE_LIMIT_DOWNLOADS: '600', MAX_IN_FLIGHT: '32' }, clientDir);
  });
  afterAll(async () => {
    await rosette?.close();
  });

  it(`answers some of 2000 requests over 200 connections (${answer}) and sheds the rest (429/503), failing none`, async () => {
    const counts = await flood(rosette.baseUrl + route, { total: 2000, connections: 200 });
    const statuses = [...counts.keys()];
    expect(statuses.filter((s) => !allowed.has(s) || !SHED_OR_SERVED.has(s))).toEqual([]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect(counts.get(answer) ?? 0).toBeGreaterThan(0);
    expect((counts.get(429) ?? 0) + (counts.get(503) ?? 0)).toBeGreaterThan(0);
  });

  it('leaves the server answering normally', async () => {
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
  });
});
