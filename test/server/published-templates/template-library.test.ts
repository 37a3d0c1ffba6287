import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../../common/queue/names';
import { CALM } from '../../support/calm-probes';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { TestClient, type TestAccount } from '../../support/test-client';
import { printJobBody, withRealImprint } from '../../support/real-imprint';

let rosette: RunningRosette;
let national: TestAccount;
/** The national party's agent, who publishes; a campaigner of it, who may not. */
let nationalAgent: TestClient;
let nationalCampaigner: TestClient;
let local: TestAccount;
let localClient: TestClient;
let otherClient: TestClient;
/** The A5 flyer with its photo as the party's logo. */
let brand: Record<string, any>;
let sourceId: string;
let templateId: string;

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
const LOCKED = ['logo', 'band', 'imprint'];

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  national = await rosette.createAccount({ organisation: 'National Party', role: 'agent' });
  const region = await rosette.createAccount({ organisation: 'Western Region' });
  local = await rosette.createAccount({ organisation: 'Riverside Local' });
  const other = await rosette.createAccount({ organisation: 'Hillside Greens' });
  const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  expect((await admin.request(`/api/admin/organisations/${region.orgId}/parent`, { method: 'PUT', json: { parentId: national.orgId } })).status).toBe(200);
  expect((await admin.request(`/api/admin/organisations/${local.orgId}/parent`, { method: 'PUT', json: { parentId: region.orgId } })).status).toBe(200);
  nationalAgent = await rosette.signedIn(national);
  nationalCampaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'National Party' }));
  localClient = await rosette.signedIn(local);
  otherClient = await rosette.signedIn(other);
  const flyer = ((await (await nationalAgent.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  brand = withRealImprint({ ...flyer, title: 'National newsletter' });
  const photo = brand.pages[0].elements.find((e: { id: string }) => e.id === 'photo');
  photo.id = 'logo';
  sourceId = (await json(await nationalAgent.request('/api/designs', { json: { design: brand } }))).body.id;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

/** The design with one element changed by `change`. */
function edited(design: Record<string, any>, id: string, change: (el: Record<string, any>) => Record<string, any> | null): Record<string, any> {
  const copy = structuredClone(design);
  for (const page of copy.pages) page.elements = page.elements.flatMap((el: Record<string, any>) => (el.id === id ? [change(el)].filter(Boolean) : [el]));
  return copy;
}

describe('publishing a template', () => {
  it("is for the organisation's agent: a campaigner gets 403", async () => {
    expect((await nationalCampaigner.request('/api/published-templates', { json: { designId: sourceId, locked: LOCKED } })).status).toBe(403);
  });

  it('answers 400 naming the field for bad input, and 404 for a design of another organisation', async () => {
    for (const [body, path] of [
      [{ designId: sourceId, locked: 'logo' }, 'locked'],
      [{ designId: sourceId, locked: ['logo', 'logo'] }, 'locked'],
      [{ designId: 'nope', locked: [] }, 'designId'],
      [{ designId: sourceId, locked: ['logo', 'no-such-element'] }, 'locked[1]'],
      [{ designId: sourceId, locked: [], version: 0 }, 'version'],
    ] as const) {
      const res = await json(await nationalAgent.request('/api/published-templates', { json: body }));
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
      expect(res.body.error.fields[0].path).toBe(path);
    }
    const otherDesign = (await json(await otherClient.request('/api/designs', { json: { design: brand } }))).body.id;
    expect((await nationalAgent.request('/api/published-templates', { json: { designId: otherDesign, locked: [] } })).status).toBe(404);
  });

  it('freezes the design and its locked element ids as version 1', async () => {
    const res = await json(await nationalAgent.request('/api/published-templates', { json: { designId: sourceId, locked: LOCKED, name: 'National newsletter' } }));
    expect(res).toMatchObject({ status: 201, body: { name: 'National newsletter', version: 1, currentVersion: 1, locked: LOCKED, own: true, organisation: { id: national.orgId, name: 'National Party' } } });
    templateId = res.body.id;
  });
});

describe('the organisations below see it; no one else does', () => {
  it('lists it for a local party two levels below, with the publisher named', async () => {
    const { body } = await json(await localClient.request('/api/published-templates'));
    expect(body.templates).toEqual([expect.objectContaining({ id: templateId, own: false, version: 1, organisation: { id: national.orgId, name: 'National Party' }, locked: LOCKED })]);
    const one = await json(await localClient.request(`/api/published-templates/${templateId}`));
    expect(one).toMatchObject({ status: 200, body: { id: templateId, design: { title: 'National newsletter' } } });
  });

  it('is not found (404) by an organisation outside the tree, and not listed for it', async () => {
    expect((await json(await otherClient.request('/api/published-templates'))).body.templates).toEqual([]);
    expect((await otherClient.request(`/api/published-templates/${templateId}`)).status).toBe(404);
    // Nor can it make a design from it.
    const template = (await json(await localClient.request(`/api/published-templates/${templateId}`))).body;
    expect((await otherClient.request('/api/designs', { json: { design: template.design, template: { id: templateId, version: 1 } } })).status).toBe(404);
  });
});

describe('a design made from it keeps its locks', () => {
  let designId: string;
  let design: Record<string, any>;

  beforeAll(async () => {
    design = { ...(await json(await localClient.request(`/api/published-templates/${templateId}`))).body.design, title: 'Riverside newsletter' };
  });

  it('remembers its template and version, and says which elements are locked by whom', async () => {
    const res = await json(await localClient.request('/api/designs', { json: { design, template: { id: templateId, version: 1 } } }));
    expect(res).toMatchObject({ status: 201, body: { template: { id: templateId, version: 1, currentVersion: 1, name: 'National newsletter', organisationName: 'National Party', locked: LOCKED } } });
    designId = res.body.id;
    expect((await json(await localClient.request(`/api/designs/${designId}`))).body.template).toMatchObject({ id: templateId, version: 1 });
  });

  it('refuses a template link that is not an object with an id and a version (400 naming the field)', async () => {
    const res = await json(await localClient.request('/api/designs', { json: { design, template: { id: templateId } } }));
    expect(res).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'template.version' }] } } });
  });

  it('saves changes to the open elements', async () => {
    const res = await localClient.request(`/api/designs/${designId}`, { method: 'PUT', json: { design: edited(design, 'headline', (el) => ({ ...el, text: 'Riverside needs a bus' })) } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['moves', (el: Record<string, any>) => ({ ...el, box: { ...el.box, y: el.box.y + 2, height: el.box.height - 2 } }), 'logo', /"logo" is locked by National Party: it cannot be moved or resized/],
    ['recolours', (el: Record<string, any>) => ({ ...el, fill: 'cmyk(0, 0, 0, 100)' }), 'band', /"band" is locked by National Party: it cannot be changed/],
    ['deletes', () => null, 'imprint', /"imprint" is locked by National Party: it cannot be deleted/],
  ])('refuses a crafted save that %s a locked element with 422 element_locked, naming it', async (_what, change, id, message) => {
    const res = await json(await localClient.request(`/api/designs/${designId}`, { method: 'PUT', json: { design: edited(design, id, change) } }));
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'element_locked' } } });
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.fields[0].path).toMatch(/^design\.pages\[\d\]\.elements/);
  });

  it('refuses a new design from the template that already breaks a lock', async () => {
    const res = await json(await localClient.request('/api/designs', { json: { design: edited(design, 'logo', (el) => ({ ...el, box: { ...el.box, width: el.box.width - 10 } })), template: { id: templateId, version: 1 } } }));
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'element_locked', message: expect.stringContaining('"logo"') } } });
  });

  it('refuses a crafted print job that moves the locked logo (422 naming it), and prints the design as it is', async () => {
    const moved = edited(design, 'logo', (el) => ({ ...el, box: { ...el.box, y: el.box.y + 2, height: el.box.height - 2 } }));
    const refused = await json(await localClient.request('/api/print-jobs', { json: { ...printJobBody(moved), designId } }));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'element_locked', message: expect.stringContaining('"logo"') } } });
    const accepted = await json(await localClient.request('/api/print-jobs', { json: { ...printJobBody(design), designId } }));
    expect(accepted.status).toBe(202);
    // The job carries the locks, for the worker to check again.
    const queue = new Queue(PRINT_QUEUE, { connection: rosette.serverRedis, prefix: QUEUE_PREFIX });
    const job = await queue.getJob(accepted.body.id);
    await queue.close();
    expect(job?.data.templateLocks).toMatchObject({ templateId, version: 1, organisationName: 'National Party', locked: LOCKED.map((id) => expect.objectContaining({ element: expect.objectContaining({ id }) })) });
    expect((await waitForJob(localClient, accepted.body.statusUrl)).status).toBe('done');
  });

  it('refuses a variant table whose field would change a locked element (422 element_locked naming the field)', async () => {
    const fields = [
      { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
      { key: 'logo', label: 'Logo', page: 0, elementId: 'logo' },
    ];
    const refused = await json(await localClient.request(`/api/designs/${designId}/variants`, { method: 'PUT', json: { fields, rows: [{ ward: 'Vote in Abbey', logo: 'a'.repeat(64) }] } }));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'element_locked', fields: [{ path: 'fields[1].elementId' }] } } });
    expect((await localClient.request(`/api/designs/${designId}/variants`, { method: 'PUT', json: { fields: fields.slice(0, 1), rows: [{ ward: 'Vote in Abbey' }] } })).status).toBe(200);
  });

  it('keeps the template (and its locks) on a copy', async () => {
    const copy = await json(await localClient.request(`/api/designs/${designId}/duplicate`, { json: {} }));
    expect(copy.body.template).toMatchObject({ id: templateId, version: 1 });
    const res = await localClient.request(`/api/designs/${copy.body.id}`, { method: 'PUT', json: { design: edited(design, 'logo', () => null) } });
    expect(res.status).toBe(422);
  });

  it('is told when a newer version is published, and keeps the locks of the version it was made from', async () => {
    const v2 = await json(await nationalAgent.request('/api/published-templates', { json: { designId: sourceId, locked: ['logo'] } }));
    expect(v2).toMatchObject({ status: 201, body: { id: templateId, version: 2 } });
    expect((await json(await localClient.request('/api/published-templates'))).body.templates).toEqual([expect.objectContaining({ id: templateId, version: 2, locked: ['logo'] })]);
    const saved = (await json(await localClient.request(`/api/designs/${designId}`))).body;
    expect(saved.template).toMatchObject({ version: 1, currentVersion: 2, locked: LOCKED });
    // The list of saved designs says so too (the gallery's "a newer version is published").
    const listed = (await json(await localClient.request('/api/designs'))).body.designs.find((d: { id: string }) => d.id === designId);
    expect(listed.template).toEqual({ id: templateId, version: 1, currentVersion: 2 });
    expect((await localClient.request(`/api/designs/${designId}`, { method: 'PUT', json: { design: edited(design, 'band', () => null) } })).status).toBe(422);
  });
});

describe("the publisher's history of a template", () => {
  it('lists every version for the publishing organisation, newest first, with what each locks', async () => {
    const res = await json(await nationalCampaigner.request(`/api/published-templates/${templateId}/versions`));
    expect(res).toMatchObject({ status: 200, body: { id: templateId, currentVersion: 2 } });
    expect(res.body.versions).toEqual([
      { version: 2, name: 'National newsletter', publishedAt: expect.any(String), locked: ['logo'], sourceDesignVersion: 1 },
      { version: 1, name: 'National newsletter', publishedAt: expect.any(String), locked: LOCKED, sourceDesignVersion: 1 },
    ]);
  });

  it('names the source design only for the publisher: those below see the template, not its design', async () => {
    const own = (await json(await nationalAgent.request('/api/published-templates'))).body.templates;
    expect(own).toEqual([expect.objectContaining({ id: templateId, own: true, sourceDesignId: sourceId })]);
    const below = (await json(await localClient.request('/api/published-templates'))).body.templates;
    expect(below).toEqual([expect.objectContaining({ id: templateId, own: false, sourceDesignId: null })]);
  });

  it('is not found (404) for the organisations below, an outsider, or an id that is not one', async () => {
    expect((await localClient.request(`/api/published-templates/${templateId}/versions`)).status).toBe(404);
    expect((await otherClient.request(`/api/published-templates/${templateId}/versions`)).status).toBe(404);
    expect((await nationalAgent.request('/api/published-templates/nope/versions')).status).toBe(404);
  });
});
