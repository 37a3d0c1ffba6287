import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestAccount, TestClient } from '../../support/test-client';
import { printJobBody, withRealImprint } from '../../support/real-imprint';

let rosette: RunningRosette;
let national: TestAccount;
let local: TestAccount;
let nationalAgent: TestClient;
let localAgent: TestClient;
let localCampaigner: TestClient;
let outsider: TestClient;
let logoId: string;

const url = (orgId: string) => `/api/organisations/${orgId}/brand-kit`;
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });
const RED = { name: 'Party red', colour: 'cmyk(0, 100, 80, 0)' };

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  national = await rosette.createAccount({ organisation: 'National Party', role: 'agent' });
  local = await rosette.createAccount({ organisation: 'Riverside Local', role: 'agent' });
  const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  expect((await admin.request(`/api/admin/organisations/${local.orgId}/parent`, { method: 'PUT', json: { parentId: national.orgId } })).status).toBe(200);
  nationalAgent = await rosette.signedIn(national);
  localAgent = await rosette.signedIn(local);
  localCampaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Local' }));
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  const flyer = ((await (await nationalAgent.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  logoId = flyer.pages[0].elements.find((e: { kind: string }) => e.kind === 'image').assetId;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('brand kits', () => {
  it('are set by an agent: named CMYK colours, logos, typefaces and the imprint rule', async () => {
    const res = await json(await nationalAgent.request(url(national.orgId), { method: 'PUT', json: { colours: [RED, { name: 'Sky', colour: '#3399ff' }], logos: [{ name: 'Logo', assetId: logoId }], typefaces: ['sans'], imprintMinFontSize: 6 } }));
    expect(res.status).toBe(200);
    expect(res.body.own.colours).toEqual([RED, { name: 'Sky', colour: expect.stringMatching(/^cmyk\(/) }]);
    expect(res.body.effective).toMatchObject({ typefaces: ['sans'], imprintMinFontSize: 6, logos: [{ name: 'Logo', assetId: logoId, from: 'National Party' }] });
  });

  it('are inherited below: a child adds, and sees its ancestors’ first, by organisation', async () => {
    const res = await json(await localAgent.request(url(local.orgId), { method: 'PUT', json: { colours: [{ name: 'Riverside green', colour: 'cmyk(80, 0, 90, 10)' }], typefaces: ['serif'], imprintMinFontSize: 7 } }));
    expect(res.status).toBe(200);
    expect(res.body.organisation).toEqual({ id: local.orgId, name: 'Riverside Local' });
    expect(res.body.inherited).toEqual([{ organisation: { id: national.orgId, name: 'National Party' }, kit: expect.objectContaining({ colours: [RED, expect.anything()] }) }]);
    expect(res.body.effective.colours.map((c: { name: string; from: string }) => `${c.name} (${c.from})`)).toEqual(['Party red (National Party)', 'Sky (National Party)', 'Riverside green (Riverside Local)']);
    expect(res.body.effective).toMatchObject({ typefaces: ['sans', 'serif'], imprintMinFontSize: 7 });
    // A campaigner of the child reads it too.
    expect((await json(await localCampaigner.request(url(local.orgId)))).body.effective.colours).toHaveLength(3);
  });

  it('cannot take an ancestor’s colour name or loosen its imprint rule (422 brand_kit_inherited naming the field)', async () => {
    const clash = await json(await localAgent.request(url(local.orgId), { method: 'PUT', json: { colours: [{ name: 'party RED', colour: 'cmyk(0, 0, 0, 100)' }] } }));
    expect(clash).toMatchObject({ status: 422, body: { error: { code: 'brand_kit_inherited', fields: [{ path: 'colours[0].name' }] } } });
    const looser = await json(await localAgent.request(url(local.orgId), { method: 'PUT', json: { imprintMinFontSize: 5 } }));
    expect(looser).toMatchObject({ status: 422, body: { error: { code: 'brand_kit_inherited', fields: [{ path: 'imprintMinFontSize' }] } } });
  });

  it('answers 400 naming the field for bad input', async () => {
    for (const [body, path] of [
      [{ colours: [{ name: 'Bad', colour: 'purple' }] }, 'colours[0].colour'],
      [{ colours: [RED, RED] }, 'colours[1].name'],
      [{ typefaces: ['comic'] }, 'typefaces[0]'],
      [{ imprintMinFontSize: 2 }, 'imprintMinFontSize'],
      [{ logos: [{ name: 'Logo', assetId: 'f'.repeat(64) }] }, 'logos[0].assetId'],
      [{ palette: [] }, ''],
    ] as const) {
      const res = await json(await nationalAgent.request(url(national.orgId), { method: 'PUT', json: body }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe(path);
    }
  });

  it('are set by agents only (403 for a campaigner) and are another organisation’s 404', async () => {
    expect((await localCampaigner.request(url(local.orgId), { method: 'PUT', json: {} })).status).toBe(403);
    expect((await outsider.request(url(local.orgId))).status).toBe(404);
    expect((await outsider.request(url(local.orgId), { method: 'PUT', json: {} })).status).toBe(404);
    // A child does not read its parent's own kit page (it sees it inherited in its own).
    expect((await localAgent.request(url(national.orgId))).status).toBe(404);
  });

  it("refuse a design or print job whose imprint may be set below the tree's minimum size (422 naming the field)", async () => {
    const flyer = ((await (await localAgent.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
    const design: Record<string, any> = { ...withRealImprint(flyer), title: 'Riverside leaflet' };
    const imprintAt = design.pages[1].elements.findIndex((e: { kind: string }) => e.kind === 'imprint');
    // The flyer's imprint may shrink to 4.5 pt; Riverside's rule (7 pt, stricter than the national 6 pt) refuses it.
    const refused = await json(await localAgent.request('/api/designs', { json: { design } }));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'imprint_below_brand_minimum', fields: [{ path: `design.pages[1].elements[${imprintAt}].minFontSize` }] } } });
    expect(refused.body.error.message).toMatch(/4\.5 pt, below the 7 pt/);
    const job = await json(await localAgent.request('/api/print-jobs', { json: printJobBody(design) }));
    expect(job).toMatchObject({ status: 422, body: { error: { code: 'imprint_below_brand_minimum' } } });
    // Set at 7 pt and no smaller, it is saved.
    design.pages[1].elements[imprintAt] = { ...design.pages[1].elements[imprintAt], fontSize: 7, minFontSize: 7 };
    expect((await localAgent.request('/api/designs', { json: { design } })).status).toBe(201);
    // An organisation with no rule in its tree is not held to one.
    expect((await outsider.request('/api/designs', { json: { design: { ...withRealImprint(flyer), title: 'Hillside leaflet' } } })).status).toBe(201);
  });
});
