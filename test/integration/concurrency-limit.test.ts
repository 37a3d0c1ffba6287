import net from 'node:net';
import type { LoopLagSource } from '../../server/overload/loop-lag-meter';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { holdRequests } from '../support/held-requests';

/** A loop-lag source the test reports windows through, as the real meter would every 100 ms. */
let report: (worstLagMs: number, utilization: number) => void = () => undefined;
const loopLag: LoopLagSource = {
  start: (onWindow) => {
    report = onWindow;
  },
  stop: () => undefined,
};

let rosette: RunningRosette;
beforeAll(async () => {
  rosette = await startRosette({ MAX_IN_FLIGHT: '64' }, undefined, { loopLag });
});
afterAll(async () => {
  await rosette?.close();
});

const hash = 'b'.repeat(64);
const limit = () => rosette.servers[0]!.limit;

/** Requests held in flight by the running test. */
const held: net.Socket[] = [];
afterEach(() => held.splice(0).forEach((s) => s.destroy()));
const hold = async (n: number) => held.push(...(await holdRequests(rosette, n)));

describe('when the event loop lags', () => {
  it('holds the limit while the loop was mostly idle: it was paused, not overrun', async () => {
    await hold(10);
    for (let i = 0; i < 10; i++) report(60, 0.1);
    expect(limit().limit).toBe(64);
    expect((await fetch(`${rosette.baseUrl}/api/templates`)).status).toBe(200);
  });

  it('lowers the limit when a busy loop lags, and turns anonymous reads away before downloads', async () => {
    await hold(10);
    for (let i = 0; i < 10; i++) report(60, 1); // a second of a busy loop running 60 ms late
    expect(limit().limit).toBe(16);
    // 10 in flight: under the limit (16) but over anonymous reads' half of it (8).
    const read = await fetch(`${rosette.baseUrl}/api/templates`);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await read.json()) as { error: { code: string } }).error.code).toBe('overloaded');
    // Downloads may fill the whole limit; health checks and the admin API are never turned away.
    expect((await fetch(`${rosette.baseUrl}/downloads/${hash}.pdf`)).status).toBe(404);
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
    const status = await fetch(`${rosette.baseUrl}/api/admin/status`, { headers: { authorization: `Bearer ${rosette.adminToken}` } });
    expect(((await status.json()) as { inFlight: unknown }).inFlight).toEqual({ now: expect.any(Number), limit: 16, max: 64 });
  });

  it('grows the limit back while the loop keeps up and the limit is in use', async () => {
    await hold(14);
    for (let i = 0; i < 30 && limit().limit < 64; i++) {
      limit().noteInFlight(limit().limit); // a window in which the limit was full
      report(1, 0.9);
    }
    expect(limit().limit).toBe(64);
    expect((await fetch(`${rosette.baseUrl}/api/templates`)).status).toBe(200);
  });
});
