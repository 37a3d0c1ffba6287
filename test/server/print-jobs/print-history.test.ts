import { printJobBody, withRealImprint } from '../../support/real-imprint';
import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { TestClient, type TestAccount } from '../../support/test-client';
import { waitForValue } from '../../support/wait-for';

let rosette: RunningRosette;
let campaigner: TestAccount;
let riverside: TestClient;
let riversideToo: TestClient;
let hillside: TestClient;
let template: Record<string, any>;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  campaigner = await rosette.createAccount({ organisation: 'Riverside Labour' });
  riverside = await rosette.signedIn(campaigner);
  riversideToo = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  template = ((await (await riverside.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  hillside = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

interface Entry {
  id: string;
  title: string;
  status: string;
  pages: number | null;
  sentByYou: boolean;
  downloadUrl: string | null;
  shareLinksUrl: string;
  design: { id: string; version: number; url: string } | null;
  designDeleted: boolean;
}
const history = async (client: TestClient) => ((await (await client.request('/api/print-history')).json()) as { printJobs: Entry[] }).printJobs;

describe('the organisation\'s print history', () => {
  it('records who sent which job and how it ended, and keeps it after the queue has dropped the job', async () => {
    const design = ((await (await riverside.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
    design.title = 'History leaflet';
    const accepted = (await (await riverside.request('/api/print-jobs', { json: printJobBody(design, { copies: 1 }) })).json()) as { id: string; statusUrl: string };
    const done = await waitForJob(riverside, accepted.statusUrl);

    const entry = await waitForValue('the print record says done', async () => (await history(riverside)).find((e) => e.id === accepted.id && e.status === 'done'));
    expect(entry).toMatchObject({ title: 'History leaflet', pages: done.download.pages, bytes: done.download.bytes, downloadUrl: done.download.url });
    const row = await rosette.db.selectFrom('print_jobs').select(['account_id', 'org_id']).where('id', '=', accepted.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ account_id: campaigner.id, org_id: campaigner.orgId });

    // The queue's clean-up drops the job: the record stays, and the PDF still downloads.
    const q = new Queue(PRINT_QUEUE, { connection: rosette.serverRedis, prefix: QUEUE_PREFIX });
    await (await q.getJob(accepted.id))?.remove();
    await q.close();
    expect((await riverside.request(accepted.statusUrl)).status).toBe(404);
    expect((await history(riverside)).find((e) => e.id === accepted.id)).toMatchObject({ status: 'done', downloadUrl: done.download.url });
    expect((await riverside.request(done.download.url)).status).toBe(200);
  });

  it('shows an organisation only its own print jobs', async () => {
    expect(await history(hillside)).toEqual([]);
  });
});

/** A template design with this title and headline (a different headline is a different PDF and job). */
function leaflet(title: string, headline: string): Record<string, any> {
  const design = withRealImprint(structuredClone(template));
  design.title = title;
  design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = headline;
  return design;
}
const send = async (client: TestClient, body: Record<string, unknown>) => {
  const res = await client.request('/api/print-jobs', { json: { confirm: { unchangedTemplateText: true }, ...body } });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string; statusUrl: string };
};
const entryOf = (client: TestClient, id: string, ready: (e: Entry) => boolean = () => true) => waitForValue(`the print record of ${id}`, async () => (await history(client)).find((e) => e.id === id && ready(e)));

describe('who sent a print job', () => {
  it('is "you" for the sender and someone else for a colleague, and no account is named', async () => {
    const accepted = await send(riverside, { design: leaflet('Who sent it', 'Sent by one of us') });
    expect(await entryOf(riverside, accepted.id)).toMatchObject({ sentByYou: true });
    const seen = await entryOf(riversideToo, accepted.id);
    expect(seen).toMatchObject({ sentByYou: false });
    expect(JSON.stringify(seen)).not.toMatch(/@|accountId|account_id/);
  });
});

describe('a print job sent from a saved design', () => {
  it('is recorded against the saved version whose document it printed, and that version opens again', async () => {
    const design = leaflet('Spring newsletter', 'Spring is here');
    const saved = (await (await riverside.request('/api/designs', { json: { design } })).json()) as { id: string; url: string };
    // A later save, then the campaigner prints the first version again (as "print again" opens it).
    expect((await riverside.request(saved.url, { method: 'PUT', json: { design: leaflet('Spring newsletter', 'Summer is here') } })).status).toBe(200);
    const accepted = await send(riverside, { design, designId: saved.id });
    const entry = await entryOf(riverside, accepted.id);
    expect(entry.design).toEqual({ id: saved.id, version: 1, url: `${saved.url}/versions/1` });
    const opened = (await (await riverside.request(entry.design!.url)).json()) as { version: number; design: Record<string, any> };
    expect(opened.version).toBe(1);
    expect(opened.design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text).toBe('Spring is here');
    // Nothing was saved by printing a version as it was.
    expect(((await (await riverside.request(`${saved.url}/versions`)).json()) as { versions: unknown[] }).versions).toHaveLength(2);
  });

  it('saves what was printed as a new version when no saved version has it, so the record points at what was printed', async () => {
    const saved = (await (await riverside.request('/api/designs', { json: { design: leaflet('Bus routes', 'Buses every ten minutes') } })).json()) as { id: string; url: string };
    const printed = leaflet('Bus routes', 'Buses every five minutes');
    const accepted = await send(riversideToo, { design: printed, designId: saved.id });
    const entry = await entryOf(riverside, accepted.id);
    expect(entry.design).toMatchObject({ id: saved.id, version: 2 });
    const current = (await (await riverside.request(saved.url)).json()) as { version: number; design: Record<string, any> };
    expect(current.version).toBe(2);
    expect(current.design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text).toBe('Buses every five minutes');
  });

  it('saves nothing when the print is refused (the check comes first)', async () => {
    const saved = (await (await riverside.request('/api/designs', { json: { design: leaflet('Refused', 'Before the check') } })).json()) as { url: string; id: string };
    const sample = { ...leaflet('Refused', 'After the check'), imprint: template.imprint };
    const res = await riverside.request('/api/print-jobs', { json: { design: sample, designId: saved.id, confirm: { unchangedTemplateText: true } } });
    expect(res.status).toBe(422);
    expect(((await (await riverside.request(saved.url)).json()) as { version: number }).version).toBe(1);
  });

  it('prints, without a design, when the id is of another organisation\'s design or a deleted one, and changes neither', async () => {
    const theirs = (await (await hillside.request('/api/designs', { json: { design: leaflet('Hillside only', 'Hillside') } })).json()) as { id: string; url: string };
    const accepted = await send(riverside, { design: leaflet('Borrowed id', 'Riverside words'), designId: theirs.id });
    expect(await entryOf(riverside, accepted.id)).toMatchObject({ design: null, designDeleted: false });
    expect(((await (await hillside.request(theirs.url)).json()) as { version: number }).version).toBe(1);

    const mine = (await (await riverside.request('/api/designs', { json: { design: leaflet('Deleted later', 'Soon gone') } })).json()) as { id: string; url: string };
    const printed = await send(riverside, { design: leaflet('Deleted later', 'Soon gone'), designId: mine.id });
    expect((await entryOf(riverside, printed.id)).design).toMatchObject({ id: mine.id, version: 1 });
    expect((await riverside.request(mine.url, { method: 'DELETE' })).status).toBe(204);
    // The record keeps its link, but the history no longer offers to open a deleted design.
    expect(await entryOf(riverside, printed.id)).toMatchObject({ design: null, designDeleted: true });
    const again = await send(riverside, { design: leaflet('Deleted later', 'Printed after deletion'), designId: mine.id });
    expect(await entryOf(riverside, again.id)).toMatchObject({ design: null, designDeleted: false });
  });

  it('refuses a design id that cannot be one with 400 naming designId', async () => {
    for (const designId of ['../etc', 42, 'A'.repeat(32)]) {
      const res = await riverside.request('/api/print-jobs', { json: { design: leaflet('Bad id', 'Bad id'), designId, confirm: { unchangedTemplateText: true } } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('designId');
    }
  });
});

describe('the downloaded file', () => {
  it('is named after the design, for the campaigner and for the volunteer with a share link, at the same content-addressed address', async () => {
    const accepted = await send(riverside, { design: leaflet('Cylchlythyr y Gwanwyn: Ŵyl "fawr"', 'Croeso') });
    const done = await waitForJob(riverside, accepted.statusUrl);
    expect(done.download.url).toMatch(/^\/downloads\/[a-f0-9]{64}\.pdf$/);
    const pdf = await riverside.request(done.download.url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="Cylchlythyr-y-Gwanwyn-Wyl-fawr.pdf"; filename*=UTF-8''Cylchlythyr-y-Gwanwyn-%C5%B4yl-fawr.pdf`);
    expect(pdf.headers.get('cache-control')).toContain('immutable');

    const link = (await (await riverside.request(`/api/print-jobs/${accepted.id}/share-links`, { json: {} })).json()) as { url: string };
    const shared = await new TestClient(rosette.baseUrl).request(`${link.url}/leaflet.pdf`);
    expect(shared.status).toBe(200);
    expect(shared.headers.get('content-disposition')).toBe(pdf.headers.get('content-disposition'));
  });
});
