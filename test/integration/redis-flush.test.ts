import { printJobBody } from '../support/real-imprint';
import { CALM } from '../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { recordedLeaks } from '../support/leak-watch';
import { TestClient, type TestAccount } from '../support/test-client';

let rosette: RunningRosette;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('when Redis loses everything (FLUSHALL)', () => {
  it('loses no account, design, share link, print record or audit entry: only the sessions', async () => {
    const adminAccount: TestAccount = await rosette.createAccount({ role: 'admin', organisation: 'Riverside Labour' });
    const campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
    const admin = await rosette.signedIn(adminAccount);
    const campaigner = await rosette.signedIn(campaignerAccount);
    expect((await admin.request('/api/admin/accounts', { json: { email: 'new.volunteer@example.org', organisation: 'Riverside Labour', role: 'campaigner' } })).status).toBe(201);
    const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
    const saved = (await (await campaigner.request('/api/designs', { json: { design: { ...design, title: 'Flush-proof leaflet' } } })).json()) as { url: string };
    const accepted = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design, { copies: 1 }) })).json()) as { id: string; statusUrl: string };
    await waitForJob(campaigner, accepted.statusUrl);
    const link = (await (await campaigner.request(`/api/print-jobs/${accepted.id}/share-links`, { json: {} })).json()) as { url: string };
    // A switch made and undone: its trail is an audit entry like any other.
    expect((await admin.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'before the flush', message: 'Back soon' } })).status).toBe(200);
    expect((await admin.request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'done' } })).status).toBe(200);

    await rosette.serverRedis.flushall();

    // Sessions were in Redis: both have to sign in again, and can.
    expect((await campaigner.request('/api/designs')).status).toBe(401);
    const campaignerAgain = await rosette.signedIn(campaignerAccount);
    const adminAgain = await rosette.signedIn(adminAccount);

    const designs = (await (await campaignerAgain.request('/api/designs')).json()) as { designs: Array<{ url: string; title: string }> };
    expect(designs.designs).toEqual([expect.objectContaining({ url: saved.url, title: 'Flush-proof leaflet' })]);
    expect((await new TestClient(rosette.baseUrl).request(`${link.url}/leaflet.pdf`)).status).toBe(200);
    const links = (await (await campaignerAgain.request('/api/share-links')).json()) as { shareLinks: Array<{ url?: string; jobId: string }> };
    expect(links.shareLinks.map((l) => l.jobId)).toEqual([accepted.id]);
    const history = (await (await campaignerAgain.request('/api/print-history')).json()) as { printJobs: Array<{ id: string; status: string }> };
    expect(history.printJobs).toEqual([expect.objectContaining({ id: accepted.id, status: 'done' })]);
    const audit = (await (await adminAgain.request('/api/admin/audit')).json()) as { entries: Array<{ action: string }> };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['account.invited', 'maintenance.on', 'maintenance.auto']));
    const status = (await (await adminAgain.request('/api/admin/status')).json()) as { audit: Array<{ to: string; reason: string; message: string | null }> };
    expect(status.audit.slice(0, 2)).toMatchObject([
      { to: 'auto', reason: 'done', message: null },
      { to: 'on', reason: 'before the flush', message: 'Back soon' },
    ]);
    const accounts = (await (await adminAgain.request('/api/admin/accounts')).json()) as { accounts: unknown[] };
    expect(accounts.accounts).toHaveLength(3);
  });
});
