import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestAccount, TestClient } from '../../support/test-client';

let rosette: RunningRosette;
let admin: TestClient;
let agent: TestClient;
let campaigner: TestClient;
const org: Record<'national' | 'region' | 'county' | 'local' | 'other', TestAccount> = {} as never;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  org.national = await rosette.createAccount({ organisation: 'National Party', role: 'agent' });
  org.region = await rosette.createAccount({ organisation: 'Western Region' });
  org.county = await rosette.createAccount({ organisation: 'Riverside County' });
  org.local = await rosette.createAccount({ organisation: 'Riverside Local' });
  org.other = await rosette.createAccount({ organisation: 'Hillside Greens' });
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  agent = await rosette.signedIn(org.national);
  campaigner = await rosette.signedIn(org.local);
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

const setParent = async (client: TestClient, orgId: string, body: unknown) => {
  const res = await client.request(`/api/admin/organisations/${orgId}/parent`, { method: 'PUT', json: body });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const tree = async () => ((await (await admin.request('/api/admin/organisation-tree')).json()) as { organisations: Array<{ id: string; name: string; parentId: string | null }>; maxDepth: number });

describe('the organisation tree, as an admin manages it', () => {
  it('sets parents level by level, and lists every organisation with its parent', async () => {
    expect(await setParent(admin, org.region.orgId, { parentId: org.national.orgId })).toEqual({ status: 200, body: { organisation: { id: org.region.orgId, name: 'Western Region', parentId: org.national.orgId } } });
    expect((await setParent(admin, org.county.orgId, { parentId: org.region.orgId })).status).toBe(200);
    expect((await setParent(admin, org.local.orgId, { parentId: org.county.orgId })).status).toBe(200);
    const { organisations, maxDepth } = await tree();
    expect(maxDepth).toBe(4);
    expect(organisations.find((o) => o.id === org.local.orgId)).toEqual({ id: org.local.orgId, name: 'Riverside Local', parentId: org.county.orgId });
    expect(organisations.find((o) => o.id === org.national.orgId)?.parentId).toBeNull();
  });

  it('audits each change with the organisation as target and the parents before and after (ids only)', async () => {
    const { entries } = (await (await admin.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; targetId: string; details: Record<string, unknown> }> };
    expect(entries.find((e) => e.action === 'organisation.parent-set' && e.targetId === org.region.orgId)?.details).toEqual({ from: null, to: org.national.orgId });
  });

  it('refuses a cycle with 409 organisation_tree_cycle naming parentId, and changes nothing', async () => {
    for (const parentId of [org.national.orgId, org.region.orgId, org.local.orgId]) {
      const res = await setParent(admin, org.national.orgId, { parentId });
      expect(res).toMatchObject({ status: 409, body: { error: { code: 'organisation_tree_cycle', fields: [{ path: 'parentId' }] } } });
    }
    expect((await tree()).organisations.find((o) => o.id === org.national.orgId)?.parentId).toBeNull();
  });

  it('refuses a fifth level with 409 organisation_tree_too_deep', async () => {
    const res = await setParent(admin, org.other.orgId, { parentId: org.local.orgId });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'organisation_tree_too_deep', fields: [{ path: 'parentId' }] } } });
    expect(res.body.error.message).toMatch(/more than 4 levels/);
  });

  it('answers 400 naming parentId for bad input, 422 for a parent that does not exist, 404 for an organisation that does not', async () => {
    for (const body of [{}, { parentId: 'x' }, { parentId: 7 }]) {
      const res = await setParent(admin, org.other.orgId, body);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', fields: [{ path: 'parentId' }] } } });
    }
    expect((await setParent(admin, org.other.orgId, { parentId: null, name: 'x' })).status).toBe(400);
    expect(await setParent(admin, org.other.orgId, { parentId: 'f'.repeat(32) })).toMatchObject({ status: 422, body: { error: { code: 'unknown_organisation', fields: [{ path: 'parentId' }] } } });
    expect(await setParent(admin, 'f'.repeat(32), { parentId: null })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('clears a parent (audited as parent-cleared), and an unchanged parent is no change', async () => {
    expect((await setParent(admin, org.other.orgId, { parentId: org.region.orgId })).status).toBe(200);
    expect(await setParent(admin, org.other.orgId, { parentId: null })).toEqual({ status: 200, body: { organisation: { id: org.other.orgId, name: 'Hillside Greens', parentId: null } } });
    expect((await setParent(admin, org.other.orgId, { parentId: null })).status).toBe(200);
    const { entries } = (await (await admin.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; targetId: string; details: Record<string, unknown> }> };
    expect(entries.filter((e) => e.targetId === org.other.orgId).map((e) => [e.action, e.details])).toEqual([
      ['organisation.parent-cleared', { from: org.region.orgId, to: null }],
      ['organisation.parent-set', { from: null, to: org.region.orgId }],
    ]);
  });

  it('refuses agents and campaigners (403), even for their own organisation, and anyone signed out (401)', async () => {
    expect((await setParent(agent, org.national.orgId, { parentId: null })).status).toBe(403);
    expect((await setParent(campaigner, org.local.orgId, { parentId: null })).status).toBe(403);
    expect((await campaigner.request('/api/admin/organisation-tree')).status).toBe(403);
    const { TestClient } = await import('../../support/test-client');
    expect((await new TestClient(rosette.baseUrl).request('/api/admin/organisation-tree')).status).toBe(401);
  });
});
