import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import { randomId, randomToken } from '../../../server/secrets/random-token';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { TestClient, type TestAccount } from '../../support/test-client';
import { waitFor } from '../../support/wait-for';
import { printJobBody } from '../../support/real-imprint';

let rosette: RunningRosette;
let campaigner: TestClient;
let campaignerAccount: TestAccount;
let outsider: TestClient;
let job: { id: string; statusUrl: string; download: { url: string } };
let clock = Date.now();
const DAY = 24 * 3600_000;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, { ...CALM, now: () => clock });
  campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  campaigner = await rosette.signedIn(campaignerAccount);
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  const design = ((await (await campaigner.request('/api/templates/a6-postcard')).json()) as { design: Record<string, any> }).design;
  design.title = 'Polling day: 7am to 10pm';
  const accepted = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design, { copies: 50 }) })).json()) as { statusUrl: string };
  job = (await waitForJob(campaigner, accepted.statusUrl)) as typeof job;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

const createLink = (client: TestClient, body: unknown = {}) => client.request(`/api/print-jobs/${job.id}/share-links`, { json: body });
const tokenOf = (url: string) => url.replace('/s/', '');

describe('share links of a finished print job', () => {
  it('gives a volunteer the title, the front page and the PDF, and nothing else', async () => {
    const res = await createLink(campaigner);
    if (res.status !== 201) throw new Error(await res.text());
    const link = (await res.json()) as { id: string; url: string; expiresAt: string | null };
    expect(link.url).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBeNull();

    const volunteer = new TestClient(rosette.baseUrl);
    const page = await volunteer.request(link.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    const data = (await (await volunteer.request(`/api/share/${tokenOf(link.url)}`)).json()) as Record<string, any>;
    expect(Object.keys(data).sort()).toEqual(['download', 'front', 'pages', 'title']);
    expect(data.title).toBe('Polling day: 7am to 10pm');
    expect(Object.keys(data.front).sort()).toEqual(['geometry', 'items']);
    expect(data.front.items.length).toBeGreaterThan(0);
    expect(data.download.url).toBe(`${link.url}/leaflet.pdf`);
    // Nothing about the job, the organisation or any account.
    expect(JSON.stringify(data)).not.toContain(job.id);
    expect(JSON.stringify(data)).not.toMatch(/Riverside Labour|orgId|accountId|statusUrl|\/downloads\//);

    const pdf = await volunteer.request(data.download.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="Polling-day-7am-to-10pm.pdf"');
    const facts = await readPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(facts.text).toContain('Polling stations are open');

    // The link opens nothing of the campaigner's: not the job, not the designs.
    expect((await volunteer.request(job.statusUrl)).status).toBe(401);
    expect((await volunteer.request(`/api/print-jobs/${job.id}/share-links`)).status).toBe(401);
    expect((await volunteer.request('/api/designs')).status).toBe(401);
  });

  it('lists the links without their tokens, and a revoked link stops working at once', async () => {
    const link = (await (await createLink(campaigner, { expiresInDays: 7 })).json()) as { id: string; url: string };
    const list = (await (await campaigner.request(`/api/print-jobs/${job.id}/share-links`)).json()) as { shareLinks: Array<Record<string, unknown>> };
    expect(list.shareLinks.map((l) => l.id)).toContain(link.id);
    for (const l of list.shareLinks) expect(Object.keys(l).sort()).toEqual(['createdAt', 'expiresAt', 'id']);
    expect(JSON.stringify(list)).not.toContain(tokenOf(link.url));

    const volunteer = new TestClient(rosette.baseUrl);
    expect((await volunteer.request(`${link.url}/leaflet.pdf`)).status).toBe(200);
    expect((await campaigner.request(`/api/print-jobs/${job.id}/share-links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    for (const path of [link.url, `/api/share/${tokenOf(link.url)}`, `${link.url}/leaflet.pdf`]) expect((await volunteer.request(path)).status).toBe(404);
  });

  it('stops an expiring link when its time is up', async () => {
    const link = (await (await createLink(campaigner, { expiresInDays: 2 })).json()) as { url: string; expiresAt: string };
    expect(Date.parse(link.expiresAt) - clock).toBe(2 * DAY);
    const volunteer = new TestClient(rosette.baseUrl);
    expect((await volunteer.request(`/api/share/${tokenOf(link.url)}`)).status).toBe(200);
    clock += 2 * DAY + 1;
    const expired = await volunteer.request(`/api/share/${tokenOf(link.url)}`);
    expect(expired.status).toBe(404);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('share_link_not_valid');
    expect((await volunteer.request(`${link.url}/leaflet.pdf`)).status).toBe(404);
    clock -= 2 * DAY + 1;
  });

  it('lets only the job\'s organisation make, list or revoke its links', async () => {
    const link = (await (await createLink(campaigner)).json()) as { id: string };
    expect((await createLink(outsider)).status).toBe(404);
    expect((await outsider.request(`/api/print-jobs/${job.id}/share-links`)).status).toBe(404);
    expect((await outsider.request(`/api/print-jobs/${job.id}/share-links/${link.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  describe('when the path is not lower case', () => {
    it('answers 404, and no log line holds the token', async () => {
      const link = (await (await createLink(campaigner)).json()) as { url: string };
      const token = tokenOf(link.url);
      const volunteer = new TestClient(rosette.baseUrl);
      for (const path of [`/S/${token}`, `/S/${token}/leaflet.pdf`, `/API/SHARE/${token}`, `/Api/Share/${token}`]) {
        const res = await volunteer.request(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        // pino-http writes the line as the answer ends: wait for this request's own line.
        const id = res.headers.get('x-request-id')!;
        await waitFor(`the log line of ${path}`, () => rosette.logs.some((line) => line.includes(id) && line.includes('"res"')));
      }
      // The real link still works, and no line at all has the token (not the lower-case requests either).
      expect((await volunteer.request(`/api/share/${token}`)).status).toBe(200);
      expect(rosette.logs.filter((line) => line.includes(token))).toEqual([]);
    });
  });

  it('refuses unguessable-looking garbage without a look-up, in the same words', async () => {
    const volunteer = new TestClient(rosette.baseUrl);
    for (const token of ['nope', 'A'.repeat(43), '../../etc/passwd', 'A'.repeat(500)]) {
      const res = await volunteer.request(`/api/share/${encodeURIComponent(token)}`);
      expect(res.status).toBe(404);
    }
  });

  it('keeps working in maintenance, while the campaigners\' side is closed', async () => {
    const link = (await (await createLink(campaigner)).json()) as { url: string };
    const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
    expect((await admin.request('/api/admin/maintenance', { json: { mode: 'on', reason: 'share links in maintenance' } })).status).toBe(200);
    try {
      const volunteer = new TestClient(rosette.baseUrl);
      expect((await volunteer.request(link.url, { headers: { Accept: 'text/html' } })).status).toBe(200);
      expect((await volunteer.request(`/api/share/${tokenOf(link.url)}`)).status).toBe(200);
      expect((await volunteer.request(`${link.url}/leaflet.pdf`)).status).toBe(200);
      expect((await campaigner.request('/api/designs')).status).toBe(503);
    } finally {
      expect((await admin.request('/api/admin/maintenance', { json: { mode: 'auto', reason: 'done' } })).status).toBe(200);
    }
  });

  describe('when the print job has left the queue (BullMQ drops finished jobs after 30 days)', () => {
    type Listed = { id: string; jobId: string; title: string; createdBy: string | null; expiresAt: string | null };
    let gone: { id: string; statusUrl: string; download: { url: string } };
    let admin: TestClient;
    let adminAccount: TestAccount;
    const orgList = async (client: TestClient) => ((await (await client.request('/api/share-links')).json()) as { shareLinks: Listed[] }).shareLinks;
    const adminList = async () => ((await (await admin.request(`/api/admin/organisations/${campaignerAccount.orgId}/share-links`)).json()) as { shareLinks: Array<Record<string, unknown>> }).shareLinks;
    const serves = async (url: string) => (await new TestClient(rosette.baseUrl).request(`${url}/leaflet.pdf`)).status;

    beforeAll(async () => {
      adminAccount = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
      admin = await rosette.signedIn(adminAccount);
    });

    /** Prints a leaflet, makes links of the job, then removes the job with BullMQ's own API, as its removeOnComplete does. */
    async function linksOfARemovedJob(count: number): Promise<Array<{ id: string; url: string }>> {
      const design = ((await (await campaigner.request('/api/templates/a6-postcard')).json()) as { design: Record<string, any> }).design;
      design.title = 'Canvassing session, Saturday';
      const accepted = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design, { copies: 20 }) })).json()) as { statusUrl: string };
      gone = (await waitForJob(campaigner, accepted.statusUrl)) as typeof gone;
      const links: Array<{ id: string; url: string }> = [];
      for (let i = 0; i < count; i++) links.push((await (await campaigner.request(`/api/print-jobs/${gone.id}/share-links`, { json: {} })).json()) as { id: string; url: string });
      const queue = new Queue(PRINT_QUEUE, { connection: { host: '127.0.0.1', port: rosette.redis.options.port }, prefix: QUEUE_PREFIX });
      queue.on('error', () => undefined);
      try {
        await queue.remove(gone.id);
        expect(await queue.getJob(gone.id)).toBeUndefined();
      } finally {
        await queue.close();
      }
      expect((await campaigner.request(gone.statusUrl)).status).toBe(404);
      return links;
    }

    it('lets its organisation list and withdraw the links, which then stop serving', async () => {
      const [first, second] = await linksOfARemovedJob(2);
      expect(await serves(first!.url)).toBe(200); // the PDF outlives the job: the link must stay withdrawable

      const listed = await orgList(campaigner);
      expect(listed.filter((l) => l.jobId === gone.id).map((l) => l.id).sort()).toEqual([first!.id, second!.id].sort());
      expect(listed.find((l) => l.id === first!.id)).toMatchObject({ title: 'Canvassing session, Saturday', createdBy: campaignerAccount.id, expiresAt: null });
      expect(JSON.stringify(listed)).not.toContain(tokenOf(first!.url));
      // The job's own routes keep working for its links, job or no job.
      const perJob = (await (await campaigner.request(`/api/print-jobs/${gone.id}/share-links`)).json()) as { shareLinks: Array<{ id: string }> };
      expect(perJob.shareLinks.map((l) => l.id).sort()).toEqual([first!.id, second!.id].sort());

      // Another organisation sees none of it and withdraws nothing.
      expect((await orgList(outsider)).map((l) => l.id)).not.toContain(first!.id);
      expect((await outsider.request(`/api/share-links/${first!.id}`, { method: 'DELETE' })).status).toBe(404);
      expect((await outsider.request(`/api/print-jobs/${gone.id}/share-links`)).status).toBe(404);
      expect(await serves(first!.url)).toBe(200);

      expect((await campaigner.request(`/api/share-links/${first!.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await campaigner.request(`/api/print-jobs/${gone.id}/share-links/${second!.id}`, { method: 'DELETE' })).status).toBe(204);
      const volunteer = new TestClient(rosette.baseUrl);
      for (const link of [first!, second!]) {
        for (const path of [link.url, `/api/share/${tokenOf(link.url)}`, `${link.url}/leaflet.pdf`]) expect({ path, status: (await volunteer.request(path)).status }).toEqual({ path, status: 404 });
      }
      expect((await orgList(campaigner)).map((l) => l.id)).not.toContain(first!.id);
      expect((await campaigner.request(`/api/share-links/${first!.id}`, { method: 'DELETE' })).status).toBe(404);
    });

    it('lets an admin see the organisation\'s live links, without its leaflet, and withdraw one, in the audit log', async () => {
      const [link] = await linksOfARemovedJob(1);
      const organisations = ((await (await admin.request('/api/admin/organisations')).json()) as { organisations: Array<{ id: string; name: string }> }).organisations;
      expect(organisations).toContainEqual(expect.objectContaining({ id: campaignerAccount.orgId, name: 'Riverside Labour' }));

      const listed = await adminList();
      expect(listed.map((l) => l.id)).toContain(link!.id);
      for (const l of listed) expect(Object.keys(l).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id']);
      // A campaigner, of this organisation or another, gets no admin view.
      expect((await outsider.request(`/api/admin/organisations/${campaignerAccount.orgId}/share-links`)).status).toBe(403);
      expect((await outsider.request(`/api/admin/organisations/${campaignerAccount.orgId}/share-links/${link!.id}`, { method: 'DELETE' })).status).toBe(403);
      expect((await campaigner.request(`/api/admin/organisations/${campaignerAccount.orgId}/share-links`)).status).toBe(403);
      // The link is withdrawn through its own organisation only.
      const hillside = (await rosette.createAccount({ organisation: 'Hillside Greens' })).orgId;
      expect((await admin.request(`/api/admin/organisations/${hillside}/share-links/${link!.id}`, { method: 'DELETE' })).status).toBe(404);
      expect(await serves(link!.url)).toBe(200);

      expect((await admin.request(`/api/admin/organisations/${campaignerAccount.orgId}/share-links/${link!.id}`, { method: 'DELETE' })).status).toBe(204);
      expect(await serves(link!.url)).toBe(404);
      expect((await new TestClient(rosette.baseUrl).request(`/api/share/${tokenOf(link!.url)}`)).status).toBe(404);
      expect((await adminList()).map((l) => l.id)).not.toContain(link!.id);
      const audit = ((await (await admin.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; actorId: string; targetId: string }> }).entries;
      expect(audit).toContainEqual(expect.objectContaining({ action: 'share-link.withdrawn', actorId: adminAccount.id, targetId: link!.id }));
    });

    it('lists and withdraws a link whose maker was not recorded (made before accounts were), of a job the queue has dropped', async () => {
      // A link as an older installation had it, copied to PostgreSQL (npm run db:import-redis): no createdBy.
      const token = randomToken();
      const id = randomId();
      const digest = rosette.accounts.digester.digest('share', token);
      const pdfHash = gone.download.url.replace('/downloads/', '').replace('.pdf', '');
      const front = JSON.stringify({ geometry: { trim: { width: 105, height: 148 }, bleed: 3 }, items: [] });
      await rosette.db
        .insertInto('print_jobs')
        .values({ id: gone.id, org_id: campaignerAccount.orgId, account_id: null, design_id: null, design_version: null, title: 'An old link', status: 'done', pages: 2, pdf_hash: pdfHash, created_at: new Date(clock), finished_at: new Date(clock) })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await rosette.db
        .insertInto('share_links')
        .values({ id, token_digest: digest, job_id: gone.id, org_id: campaignerAccount.orgId, pdf_hash: pdfHash, title: 'An old link', pages: 2, bytes: 1000, front, created_by: null, created_at: new Date(clock), expires_at: null, withdrawn_at: null })
        .execute();
      const volunteer = new TestClient(rosette.baseUrl);
      expect((await volunteer.request(`/api/share/${token}`)).status).toBe(200);

      expect((await orgList(campaigner)).find((l) => l.id === id)).toMatchObject({ title: 'An old link', createdBy: null, expiresAt: null });
      expect((await adminList()).map((l) => l.id)).toContain(id);
      expect((await volunteer.request(`/api/share/${token}`)).status).toBe(200);
      expect((await campaigner.request(`/api/share-links/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await volunteer.request(`/api/share/${token}`)).status).toBe(404);
      expect((await volunteer.request(`/s/${token}/leaflet.pdf`)).status).toBe(404);
    });
  });

  it('refuses a share link for a job that is not finished, and bad expiries', async () => {
    expect((await createLink(campaigner, { expiresInDays: 0 })).status).toBe(400);
    expect((await createLink(campaigner, { expiresInDays: 1000 })).status).toBe(400);
    expect((await createLink(campaigner, { expiresInDays: 'soon' })).status).toBe(400);
  });
});
