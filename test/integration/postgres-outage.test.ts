import { printJobBody } from '../support/real-imprint';
import { CALM } from '../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { recordedLeaks } from '../support/leak-watch';
import { TestClient } from '../support/test-client';
import { waitFor, waitForValue } from '../support/wait-for';

let rosette: RunningRosette;
let campaigner: TestClient;
let admin: TestClient;
let downloadUrl: string;
let linkUrl: string;
let designUrl: string;

beforeAll(async () => {
  // A PostgreSQL of this test's own, which it stops; short pool timeouts, so a refused write is quick.
  rosette = await startRosette({}, undefined, { ...CALM, ownPostgres: true, realDatabaseProbe: true, database: { connectTimeoutMs: 500, statementTimeoutMs: 1000 } });
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Riverside Labour' }));
  const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  designUrl = ((await (await campaigner.request('/api/designs', { json: { design } })).json()) as { url: string }).url;
  const accepted = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design, { copies: 1 }) })).json()) as { id: string; statusUrl: string };
  downloadUrl = (await waitForJob(campaigner, accepted.statusUrl)).download.url as string;
  linkUrl = ((await (await campaigner.request(`/api/print-jobs/${accepted.id}/share-links`, { json: {} })).json()) as { url: string }).url;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

const token = () => linkUrl.replace('/s/', '');

describe('when PostgreSQL stops with campaigners signed in and volunteers downloading', () => {
  beforeAll(async () => {
    await rosette.database.server!.stop('immediate');
  });

  it('says not ready in /readyz, naming PostgreSQL and nothing secret, while /healthz stays alive', async () => {
    const res = await fetch(`${rosette.baseUrl}/readyz`);
    const body = (await res.json()) as { status: string; reason: string };
    expect([res.status, res.headers.get('retry-after'), body.status]).toEqual([503, '5', 'not ready']);
    expect(body.reason).toMatch(/^PostgreSQL is not reachable \([A-Za-z0-9_]+\)$/);
    const url = new URL(rosette.database.url);
    for (const secret of [url.host, url.username, url.password, url.pathname.slice(1)].filter(Boolean)) expect(body.reason).not.toContain(secret);
    expect((await fetch(`${rosette.baseUrl}/healthz`)).status).toBe(200);
  });

  it('keeps finished PDFs downloading, named by their hash while their title cannot be read', async () => {
    const volunteer = new TestClient(rosette.baseUrl);
    const res = await volunteer.request(downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // Nobody downloaded it before the outage, so no server holds its title (print records, PostgreSQL).
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="leaflet-${downloadUrl.slice('/downloads/'.length, '/downloads/'.length + 12)}.pdf"`);
  });

  it('keeps live share links working, from the servers\' cache', async () => {
    const volunteer = new TestClient(rosette.baseUrl);
    expect((await volunteer.request(`/api/share/${token()}`)).status).toBe(200);
    const pdf = await volunteer.request(`${linkUrl}/leaflet.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="A5-flyer.pdf"');
    expect((await volunteer.request(linkUrl)).status).toBe(200);
  });

  it('answers reads and writes of records with 503 and Retry-After, never a hang or a 500', async () => {
    for (const [path, init] of [
      ['/api/designs', {}],
      ['/api/designs', { json: { design: { title: 'x' } } }],
      [designUrl, {}],
    ] as const) {
      const res = await campaigner.request(path, init);
      const body = (await res.json()) as { error: { code: string } };
      expect([res.status, body.error.code, res.headers.get('retry-after')]).toEqual([503, 'database_unavailable', '5']);
    }
  });

  it('refuses to move the maintenance switch with 503 (an admin is checked in PostgreSQL), leaving the switch as it was', async () => {
    const res = await admin.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'during the outage' } });
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([503, 'database_unavailable']);
    expect(rosette.servers[0]!.overload.adminSwitch.mode).toBe('auto');
  });

  it('steps the overload ladder up for the outage, with PostgreSQL as the reason', async () => {
    await waitForValue('the ladder names PostgreSQL', () => rosette.servers[0]!.overload.cause()?.reason === 'database_unavailable' || undefined, { timeoutMs: 10_000 });
    expect(rosette.servers[0]!.overload.mode).toBe('busy');
  });

  describe('and comes back', () => {
    beforeAll(async () => {
      await rosette.database.server!.start();
    });

    it('serves records again without a restart, to the same signed-in session, with nothing lost', async () => {
      await waitFor('the design list answers again', async () => (await campaigner.request('/api/designs')).status === 200, 15_000, 100);
      const list = (await (await campaigner.request('/api/designs')).json()) as { designs: Array<{ url: string }> };
      expect(list.designs.map((d) => d.url)).toEqual([designUrl]);
      expect((await campaigner.request('/api/share-links')).status).toBe(200);
      // The download is named after its design again.
      expect((await campaigner.request(downloadUrl)).headers.get('content-disposition')).toBe('attachment; filename="A5-flyer.pdf"');
      expect((await admin.request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'after the outage' } })).status).toBe(200);
      const trail = ((await (await admin.request('/api/admin/status')).json()) as { audit: Array<{ reason: string }> }).audit;
      expect(trail.map((e) => e.reason)).toEqual(['after the outage']);
      const ready = (await (await fetch(`${rosette.baseUrl}/readyz`)).json()) as { status: string; databaseMs: number };
      expect(ready).toMatchObject({ status: 'ready', databaseMs: expect.any(Number) });
      await waitForValue('the ladder back to normal', () => rosette.servers[0]!.overload.mode === 'normal' || undefined, { timeoutMs: 20_000 });
    });
  });
});
