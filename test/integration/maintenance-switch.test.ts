import { MAINTENANCE_SWITCH_KEY, pdfKey } from '../../common/queue/names';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import type { TestAccount, TestClient } from '../support/test-client';
import { waitFor } from '../support/wait-for';

/**
 * Two server instances (own connections each, as two processes have) against one Redis. Their event
 * loops read calm whatever this machine is doing, so only the switch and Redis move the mode.
 */
let rosette: RunningRosette;
/** A signed-in admin: only an admin account may move the switch. */
let adminAccount: TestAccount;
let admin: TestClient;
beforeAll(async () => {
  rosette = await startRosette({}, undefined, { servers: 2, probes: { eventLoop: () => ({ delayMs: 0, utilization: 0 }) } });
  adminAccount = await rosette.createAccount({ role: 'admin' });
  admin = await rosette.signedIn(adminAccount);
});
afterAll(async () => {
  await rosette?.close();
});

const hash = 'b'.repeat(64);
const modes = () => rosette.servers.map((s) => s.overload.mode);
const adminPost = (body: unknown, base = rosette.baseUrls[0]!) => admin.at(base).request('/api/admin/maintenance', { json: body });
const status = async (base: string) => (await (await fetch(`${base}/api/admin/status`, { headers: { Authorization: `Bearer ${rosette.adminToken}` } })).json()) as Record<string, any>;

describe('the admin switch, announced', () => {
  // Instances whose poll of the switch never comes round (an hour): whatever reaches them came by the
  // announcement (pub/sub), which is what makes a change reach every instance at once rather than at the next poll.
  let announced: RunningRosette;
  let announcedAdmin: TestAccount;
  beforeAll(async () => {
    announced = await startRosette({}, undefined, { servers: 2, switchPollMs: 3_600_000, probes: { eventLoop: () => ({ delayMs: 0, utilization: 0 }) } });
    announcedAdmin = await announced.createAccount({ role: 'admin' });
  });
  afterAll(async () => {
    await announced?.close();
  });

  it('reaches both server instances by its announcement, not the poll, and every change is audited with who, when and why', async () => {
    const client = await announced.signedIn(announcedAdmin);
    const post = (body: unknown, base = announced.baseUrls[0]!) => client.at(base).request('/api/admin/maintenance', { json: body });
    const announcedModes = () => announced.servers.map((s) => s.overload.mode);
    expect((await post({ mode: 'on', message: 'Upgrading the printers', reason: 'printer firmware' })).status).toBe(200);
    await waitFor('both in maintenance', () => announcedModes().every((m) => m === 'maintenance'), 1000, 5);
    const page = await fetch(announced.baseUrls[1]!, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Upgrading the printers');

    expect((await post({ mode: 'auto', reason: 'firmware done' }, announced.baseUrls[1])).status).toBe(200);
    await waitFor('both out of maintenance', () => announcedModes().every((m) => m !== 'maintenance'), 1000, 5);

    const seen = await (await fetch(`${announced.baseUrls[0]!}/api/admin/status`, { headers: { Authorization: `Bearer ${announced.adminToken}` } })).json() as Record<string, any>;
    expect(seen.audit.slice(0, 2)).toEqual([
      { at: expect.any(String), who: `account:${announcedAdmin.id}`, from: 'on', to: 'auto', reason: 'firmware done', message: null, expectedBackAt: null },
      { at: expect.any(String), who: `account:${announcedAdmin.id}`, from: 'auto', to: 'on', reason: 'printer firmware', message: 'Upgrading the printers', expectedBackAt: null },
    ]);
    expect(seen.changes[1]).toMatchObject({ to: 'maintenance', reason: 'admin_switch' });
    // And in the audit log (PostgreSQL), which outlives a loss of Redis.
    const audit = (await (await client.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; actorId: string }> };
    expect(audit.entries.slice(0, 2).map((e) => [e.action, e.actorId])).toEqual([
      ['maintenance.auto', announcedAdmin.id],
      ['maintenance.on', announcedAdmin.id],
    ]);
  });
});

describe('the admin switch', () => {
  it('reaches both instances by polling when the announcement is lost', async () => {
    // Written straight into Redis, with no pub/sub message: only the poll (every 500 ms) can see it.
    await rosette.serverRedis.hset(MAINTENANCE_SWITCH_KEY, { mode: 'off', reason: 'keep it up for the launch', setBy: 'ops', setAt: new Date().toISOString() });
    await waitFor('both off', () => rosette.servers.every((s) => s.overload.adminSwitch.mode === 'off'), 1000, 5);
    expect((await adminPost({ mode: 'auto', reason: 'launch over' })).status).toBe(200);
    await waitFor('both auto', () => rosette.servers.every((s) => s.overload.adminSwitch.mode === 'auto'), 1000, 5);
  });

  it('takes only a signed-in admin account for the switch; the admin token only reads the status', async () => {
    const other = await rosette.createAccount({ role: 'admin' });
    const res = await (await rosette.signedIn(other)).request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'checked by an admin account' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { audit: Array<{ who: string }>; people: Record<string, { name: string | null; email: string | null }> };
    expect(body.audit[0]!.who).toBe(`account:${other.id}`);
    // The audit keeps the id; the answer says who that is, for the console to show a person.
    expect(body.people[`account:${other.id}`]).toEqual({ name: null, email: other.email });
    const withToken = await fetch(`${rosette.baseUrl}/api/admin/maintenance`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${rosette.adminToken}` }, body: JSON.stringify({ mode: 'on', reason: 'x' }) });
    expect(withToken.status).toBe(401);
    expect((await fetch(`${rosette.baseUrl}/api/admin/status`, { headers: { Authorization: `Bearer ${rosette.adminToken}` } })).status).toBe(200);
    const campaigner = await rosette.signedIn(await rosette.createAccount());
    expect((await campaigner.request('/api/admin/status')).status).toBe(403);
    expect((await campaigner.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'x' } })).status).toBe(403);
  });

  describe('refuses bad requests', () => {
    it('without a signed-in admin, or without the CSRF token: 401 or 403', async () => {
      for (const token of [null, 'wrong', rosette.adminToken]) {
        const res = await fetch(`${rosette.baseUrl}/api/admin/maintenance`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) }, body: JSON.stringify({ mode: 'on', reason: 'x' }) });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(token === null ? 'sign_in_required' : 'unauthorized');
      }
      expect((await admin.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'x' }, csrf: false })).status).toBe(403);
      expect((await fetch(`${rosette.baseUrl}/api/admin/status`)).status).toBe(401);
      expect(rosette.servers.map((s) => s.overload.adminSwitch.mode)).toEqual(['auto', 'auto']);
    });

    it.each([
      ['an unknown mode', { mode: 'maybe', reason: 'x' }, 'mode'],
      ['no reason', { mode: 'on' }, 'reason'],
      ['a blank reason', { mode: 'on', reason: '   ' }, 'reason'],
      ['a return time that is not ISO 8601', { mode: 'on', reason: 'x', expectedBackAt: 'tomorrow' }, 'expectedBackAt'],
      ['a return time in the past', { mode: 'on', reason: 'x', expectedBackAt: '2001-01-01T00:00:00Z' }, 'expectedBackAt'],
      ['a message over 500 characters', { mode: 'on', reason: 'x', message: 'm'.repeat(501) }, 'message'],
      ['a message without maintenance', { mode: 'auto', reason: 'x', message: 'back soon' }, 'message'],
    ])('%s: 400 naming the field', async (_what, body, field) => {
      const res = await adminPost(body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: { code: string; fields: Array<{ path: string }> } };
      expect(answer.error.code).toBe('invalid_request');
      expect(answer.error.fields.map((f) => f.path)).toContain(field);
    });
  });
});

describe('when Redis goes away', () => {
  it('both instances go to maintenance by themselves, downloads keep working, and both come back with Redis', async () => {
    await rosette.store.put(pdfKey(hash), Buffer.from('%PDF-1.7 finished'));
    await rosette.redis.stop();
    await waitFor('both in maintenance', () => modes().every((m) => m === 'maintenance'), 2000);
    for (const base of rosette.baseUrls) {
      const api = await fetch(`${base}/api/templates`);
      expect(api.status).toBe(503);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('queue_unavailable');
      expect((await fetch(`${base}/downloads/${hash}.pdf`)).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const seen = await status(base);
      expect(seen).toMatchObject({ mode: 'maintenance', redisUp: false, cause: { reason: 'redis_unavailable' } });
      // The switch's trail is in PostgreSQL, so the console still shows it while Redis is away.
      expect(seen.audit).toEqual(expect.arrayContaining([expect.objectContaining({ to: 'auto', reason: 'launch over' })]));
      // The switch cannot be changed while its store is away: 503, not 500.
      expect((await adminPost({ mode: 'on', reason: 'x' }, base)).status).toBe(503);
    }

    await rosette.redis.start();
    await waitFor('both out of maintenance', () => modes().every((m) => m !== 'maintenance'), 15_000);
    for (const base of rosette.baseUrls) expect((await fetch(`${base}/api/templates`)).status).toBe(200);
  });
});
