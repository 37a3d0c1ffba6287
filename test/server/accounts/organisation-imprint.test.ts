import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestAccount, TestClient } from '../../support/test-client';
import { SAMPLE_IMPRINT } from '../../../common/templates/sample-imprint';

/** Riverside's own imprint: real-looking details, each a string no other test uses, so a leak can be searched for. */
const RIVERSIDE_IMPRINT = {
  promoter: { name: 'Morwenna Tregarthen', address: '17 Quayside Row, Riverside RV4 7QZ' },
  onBehalfOf: { name: 'Riverside Labour Party', address: '3 Chapel Lane, Riverside RV4 1CL' },
  printer: { name: 'Tregarthen Print Works', address: 'Unit 9, Dockyard Estate, Riverside RV4 9DY' },
};
const DETAILS = [RIVERSIDE_IMPRINT.promoter.name, RIVERSIDE_IMPRINT.promoter.address, RIVERSIDE_IMPRINT.printer.name, 'Quayside', 'Tregarthen'];

let rosette: RunningRosette;
let riverside: TestAccount;
let riversideClient: TestClient;
let colleague: TestClient;
let hillside: TestAccount;
let hillsideClient: TestClient;
let admin: TestClient;
const imprintUrl = (orgId: string) => `/api/organisations/${orgId}/imprint`;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  riverside = await rosette.createAccount({ organisation: 'Riverside Labour' });
  riversideClient = await rosette.signedIn(riverside);
  colleague = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  hillside = await rosette.createAccount({ organisation: 'Hillside Greens' });
  hillsideClient = await rosette.signedIn(hillside);
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

const read = async (client: TestClient, orgId: string) => {
  const res = await client.request(imprintUrl(orgId));
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const put = async (client: TestClient, orgId: string, body: unknown) => {
  const res = await client.request(imprintUrl(orgId), { method: 'PUT', json: body });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("an organisation's own imprint", () => {
  it('has none until someone sets it, and the session names the organisation it belongs to', async () => {
    const session = (await (await hillsideClient.request('/api/session')).json()) as { account: { organisationId: string } };
    expect(session.account.organisationId).toBe(hillside.orgId);
    expect(await read(hillsideClient, hillside.orgId)).toEqual({ status: 200, body: { imprint: null, updatedAt: null } });
  });

  it('is set by one of its campaigners and read by every account of the organisation', async () => {
    const set = await put(riversideClient, riverside.orgId, { imprint: RIVERSIDE_IMPRINT });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ imprint: RIVERSIDE_IMPRINT, updatedAt: expect.any(String) });
    expect(await read(colleague, riverside.orgId)).toEqual({ status: 200, body: set.body });
  });

  it('keeps "on behalf of" optional, and trims what it stores', async () => {
    const { onBehalfOf: _left, ...withoutOnBehalfOf } = RIVERSIDE_IMPRINT;
    const padded = { ...withoutOnBehalfOf, printer: { name: '  Tregarthen Print Works ', address: RIVERSIDE_IMPRINT.printer.address } };
    const set = await put(colleague, riverside.orgId, { imprint: padded });
    expect(set).toEqual({ status: 200, body: { imprint: withoutOnBehalfOf, updatedAt: expect.any(String) } });
    expect((await put(riversideClient, riverside.orgId, { imprint: RIVERSIDE_IMPRINT })).status).toBe(200);
  });

  it('is audited: who set it and for which organisation, never the details', async () => {
    const entries = (await (await admin.request('/api/admin/audit')).json()) as { entries: Array<{ action: string; actorId: string; targetId: string }> };
    const sets = entries.entries.filter((e) => e.action === 'organisation.imprint-set');
    expect(sets.length).toBeGreaterThanOrEqual(2);
    expect(sets[0]).toMatchObject({ actorId: riverside.id, targetId: riverside.orgId });
    expect(JSON.stringify(entries)).not.toMatch(/Tregarthen|Quayside/);
  });

  describe('with bad input', () => {
    it('names each missing or malformed field (400)', async () => {
      const missing = await put(riversideClient, riverside.orgId, { imprint: { promoter: { name: 'Morwenna Tregarthen' }, printer: RIVERSIDE_IMPRINT.printer } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('invalid_request');
      expect(missing.body.error.fields).toEqual([{ path: 'imprint.promoter.address', message: 'promoter address is required' }]);

      const tooLong = await put(riversideClient, riverside.orgId, { imprint: { ...RIVERSIDE_IMPRINT, printer: { name: 'P'.repeat(201), address: 'x' } } });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['imprint.printer.name']);

      expect((await put(riversideClient, riverside.orgId, [])).body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/imprint/) });
      for (const body of [{}, { imprint: 'Jo' }, { imprint: null }, { imprint: { promoter: 5 } }]) {
        const answer = await put(riversideClient, riverside.orgId, body);
        expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_request']);
        expect(answer.body.error.fields[0].path).toMatch(/^imprint/);
      }
    });

    it("refuses the templates' sample imprint and placeholders field by field (422 sample_imprint), without quoting them back", async () => {
      const sample = await put(riversideClient, riverside.orgId, { imprint: SAMPLE_IMPRINT });
      expect(sample.status).toBe(422);
      expect(sample.body.error.code).toBe('sample_imprint');
      expect(sample.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
        'imprint.promoter.name',
        'imprint.promoter.address',
        'imprint.onBehalfOf.name',
        'imprint.onBehalfOf.address',
        'imprint.printer.name',
        'imprint.printer.address',
      ]);

      const placeholder = await put(riversideClient, riverside.orgId, { imprint: { ...RIVERSIDE_IMPRINT, promoter: { name: '[Morwenna Tregarthen TBC]', address: RIVERSIDE_IMPRINT.promoter.address } } });
      expect(placeholder.status).toBe(422);
      expect(placeholder.body.error.fields).toEqual([{ path: 'imprint.promoter.name', message: expect.stringMatching(/^the promoter name is a sample, a placeholder or empty: fill in/) }]);
      expect(JSON.stringify(placeholder.body)).not.toMatch(/Tregarthen|Quayside/);

      // Neither refusal changed what was stored.
      expect((await read(riversideClient, riverside.orgId)).body.imprint).toEqual(RIVERSIDE_IMPRINT);
    });
  });

  describe('across organisations', () => {
    it("never shows or changes another organisation's imprint (404, as if it did not exist)", async () => {
      const looked = await read(hillsideClient, riverside.orgId);
      expect(looked.status).toBe(404);
      const tried = await put(hillsideClient, riverside.orgId, { imprint: { ...RIVERSIDE_IMPRINT, promoter: { name: 'Someone Else', address: '1 High Street, Hillside HS1 1AA' } } });
      expect(tried.status).toBe(404);
      for (const answer of [looked, tried]) expect(JSON.stringify(answer.body)).not.toMatch(/Tregarthen|Quayside|Riverside/);
      // An unknown or malformed id is the same 404.
      for (const id of ['f'.repeat(32), 'not-an-id']) expect((await read(hillsideClient, id)).status).toBe(404);
      expect((await read(riversideClient, riverside.orgId)).body.imprint).toEqual(RIVERSIDE_IMPRINT);
      expect((await read(hillsideClient, hillside.orgId)).body.imprint).toBeNull();
    });

    it("lets an admin read and set any organisation's imprint, audited under the admin", async () => {
      expect((await read(admin, riverside.orgId)).body.imprint).toEqual(RIVERSIDE_IMPRINT);
      const hillsideImprint = { promoter: { name: 'Idris Pengelly', address: '4 Moor View, Hillside HS2 3MV' }, printer: { name: 'Moorland Press', address: '2 Mill Yard, Hillside HS2 8MY' } };
      expect((await put(admin, hillside.orgId, { imprint: hillsideImprint })).status).toBe(200);
      expect((await read(hillsideClient, hillside.orgId)).body.imprint).toEqual(hillsideImprint);
      expect((await read(admin, 'f'.repeat(32))).status).toBe(404);
      expect((await put(admin, 'f'.repeat(32), { imprint: hillsideImprint })).status).toBe(404);
    });

    it('asks for an account and the CSRF token', async () => {
      expect((await rosette.anonymous().request(imprintUrl(riverside.orgId))).status).toBe(401);
      const noCsrf = await riversideClient.request(imprintUrl(riverside.orgId), { method: 'PUT', json: { imprint: RIVERSIDE_IMPRINT }, csrf: false });
      expect(noCsrf.status).toBe(403);
    });
  });

  it('writes none of the details to the log', () => {
    const log = rosette.logs.join('\n');
    for (const detail of DETAILS) expect(log).not.toContain(detail);
  });
});
