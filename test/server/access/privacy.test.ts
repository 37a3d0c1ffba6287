import { PassThrough } from 'node:stream';
import { createLogger } from '../../../common/node/logger';
import { ensureFirstAdmin } from '../../../server/accounts/ensure-first-admin';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { checkLogLines, recordedLeaks, watchAccount } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { TestClient } from '../../support/test-client';
import { printJobBody } from '../../support/real-imprint';
import { sentPast503 } from '../../support/sent-past-503';

let rosette: RunningRosette;

const FIRST_ADMIN = { email: 'first.admin@example.org', password: 'first admin password 7781' };
const CAMPAIGNER = { email: 'jo.campaigner@example.org', password: 'jo picks a long phrase 91' };

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  watchAccount(FIRST_ADMIN);
  watchAccount(CAMPAIGNER);
});
afterAll(async () => {
  await rosette?.close();
});

describe('privacy by construction', () => {
  it('keeps emails and passwords out of every answer and every log line, through the whole journey', async () => {
    // The first admin, from configuration, as main.ts does at start-up.
    await ensureFirstAdmin({ FIRST_ADMIN_EMAIL: FIRST_ADMIN.email, FIRST_ADMIN_PASSWORD: FIRST_ADMIN.password, FIRST_ADMIN_ORG: 'Rosette' }, rosette.accounts, (await import('pino')).default({ level: 'silent' }));
    const admin = new TestClient(rosette.baseUrl);
    expect((await admin.signIn(FIRST_ADMIN.email, 'a wrong password, once')).status).toBe(401);
    expect((await admin.signIn(FIRST_ADMIN.email, FIRST_ADMIN.password)).status).toBe(200);

    // The admin invites a campaigner, who sets a password.
    const invited = (await (await admin.request('/api/admin/accounts', { json: { email: CAMPAIGNER.email, organisation: 'Riverside Labour' } })).json()) as { account: { id: string }; invite: { path: string } };
    const jo = new TestClient(rosette.baseUrl);
    jo.viewer = { email: CAMPAIGNER.email, admin: false };
    const accepted = await jo.request('/api/invites/accept', { json: { token: invited.invite.path.replace('/#/invite/', ''), password: CAMPAIGNER.password } });
    expect(accepted.status).toBe(200);
    await jo.adoptSession(accepted);

    // Jo designs, saves, prints and shares; a volunteer downloads.
    const design = ((await (await jo.request('/api/templates/a6-postcard')).json()) as { design: Record<string, any> }).design;
    design.title = 'Bus postcard';
    expect((await jo.request('/api/designs', { json: { design } })).status).toBe(201);
    const submitted = await sentPast503('the print job', () => jo.request('/api/print-jobs', { json: printJobBody(design, { copies: 10 }) }));
    expect(submitted.status).toBe(202);
    const job = (await submitted.json()) as { statusUrl: string; id: string };
    const done = await waitForJob(jo, job.statusUrl);
    const link = (await (await jo.request(`/api/print-jobs/${job.id}/share-links`, { json: { expiresInDays: 3 } })).json()) as { url: string };
    const volunteer = new TestClient(rosette.baseUrl);
    expect((await volunteer.request(link.url)).status).toBe(200);
    const pdf = Buffer.from(await (await volunteer.request(`${link.url}/leaflet.pdf`)).arrayBuffer());

    // The PDF's metadata holds the title and nothing about who made it.
    const facts = await readPdf(pdf);
    const metadata = JSON.stringify(facts.info);
    for (const secret of [CAMPAIGNER.email, FIRST_ADMIN.email, 'Riverside Labour', 'jo.campaigner']) expect(metadata.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(Buffer.from(await (await jo.request(done.download.url)).arrayBuffer()).equals(pdf)).toBe(true);

    // Mistakes and probes: an unknown address, a path with an email in it, garbage tokens.
    await new TestClient(rosette.baseUrl).signIn(CAMPAIGNER.email, 'not the right one at all');
    await volunteer.request(`/api/designs/${encodeURIComponent(CAMPAIGNER.email)}`);
    await volunteer.request(`/api/share/${encodeURIComponent(CAMPAIGNER.email)}`);
    await volunteer.request(`/s/${'x'.repeat(43)}`);

    // The admin disables Jo.
    expect((await admin.request(`/api/admin/accounts/${invited.account.id}/disable`, { method: 'POST' })).status).toBe(200);
    expect((await jo.request('/api/designs')).status).toBe(401);

    expect(recordedLeaks()).toEqual([]);
    expect(rosette.logs.length).toBeGreaterThan(0);
    expect(checkLogLines(rosette.logs)).toEqual([]);
  });

  it('scrubs secrets from log lines even when code logs them by mistake', () => {
    const lines: string[] = [];
    const out = new PassThrough();
    const logger = createLogger('test', 'info', { write: (line: string) => lines.push(line) });
    logger.info({ email: CAMPAIGNER.email, password: CAMPAIGNER.password, body: { password: 'x', newPassword: 'y', csrfToken: 'z' }, req: { headers: { cookie: 'rosette_session=abc', 'x-csrf-token': 't' } } }, 'sign-in');
    logger.warn({ url: '/s/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde/leaflet.pdf', note: `invite for ${CAMPAIGNER.email}` }, `share /api/share/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde failed`);
    logger.error(new Error(`no account for ${FIRST_ADMIN.email}`), 'lookup');
    out.end();
    const text = lines.join('');
    expect(lines).toHaveLength(3);
    for (const secret of [CAMPAIGNER.email, CAMPAIGNER.password, FIRST_ADMIN.email, 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde', 'rosette_session=abc', '"t"', '"z"']) expect(text).not.toContain(secret);
    expect(text).toContain('/s/[token]');
    expect(text).toContain('[email]');
  });
});
