import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { callJson } from '../../support/call-json';

type Json = Record<string, any>;

let rosette: RunningRosette;
let campaignerAccount: TestAccount;
let campaigner: TestClient;
let colleague: TestClient;
let outsider: TestClient;
let admin: TestClient;
let template: Json;

const call = callJson;
const saveDesign = async (client: TestClient, title: string) => {
  const { status, body } = await call(client, '/api/designs', { design: { ...withRealImprint(template), title } });
  expect(status).toBe(201);
  return body.id as string;
};
const fields = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
];
const WARDS = ['Abbey', 'Brunswick', 'Castle', 'Dene', 'Eastfield', 'Fairfield', 'Grange', 'Harbour', 'Ings', 'Jubilee', 'Kingsway', 'Lowfield', 'Marsh', 'Newtown', 'Oakfield', 'Priory', 'Quayside', 'Riverside', 'St Mary', 'Townend'];
const rows = WARDS.map((w, i) => ({ ward: `Vote in ${w} on 7 May`, candidate: `Candidate ${i + 1}` }));
const put = (client: TestClient, id: string, table: unknown) => call(client, `/api/designs/${id}/variants`, table, 'PUT');

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  campaigner = await rosette.signedIn(campaignerAccount);
  colleague = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  template = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe("a design's variant table", () => {
  it('is saved for twenty wards and read back by the organisation, the audit keeping counts, never values', async () => {
    const id = await saveDesign(campaigner, 'Ward newsletter');
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body).toEqual({ designId: id, kind: 'plain', fields: [], rows: [], updatedAt: null, updatedByYou: false });
    const saved = await put(campaigner, id, { fields, rows });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ designId: id, kind: 'plain', fields, rows, updatedByYou: true });
    const read = await call(colleague, `/api/designs/${id}/variants`);
    expect(read.body).toMatchObject({ designId: id, fields, rows, updatedByYou: false });
    expect(Date.parse(read.body.updatedAt)).not.toBeNaN();
    const entries = (await call(admin, '/api/admin/audit')).body.entries as Json[];
    expect(entries.find((e) => e.action === 'design.variants-saved' && e.targetId === id)).toMatchObject({ actorId: campaignerAccount.id, details: { rows: 20, fields: 2 } });
    expect(JSON.stringify(entries)).not.toContain('Brunswick');
  });

  it('is replaced as a whole, and removed', async () => {
    const id = await saveDesign(campaigner, 'Replaced');
    await put(campaigner, id, { fields, rows });
    expect((await put(colleague, id, { fields: [fields[0]], rows: [{ ward: 'Vote in Abbey' }] })).body.rows).toEqual([{ ward: 'Vote in Abbey' }]);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.fields).toEqual([fields[0]]);
    expect((await call(campaigner, `/api/designs/${id}/variants`, undefined, 'DELETE')).status).toBe(204);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body).toMatchObject({ fields: [], rows: [], updatedAt: null });
    expect((await call(campaigner, `/api/designs/${id}/variants`, undefined, 'DELETE')).status).toBe(404);
  });

  it('keeps a formula in a cell as the text it is', async () => {
    const id = await saveDesign(campaigner, 'Formulae');
    const formula = '=HYPERLINK("http://evil.example","click")';
    await put(campaigner, id, { fields, rows: [{ ward: formula, candidate: '@SUM(1)' }] });
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.rows).toEqual([{ ward: formula, candidate: '@SUM(1)' }]);
  });
});

describe('a bilingual variant table (an English and a Welsh version per row)', () => {
  const bilingualFields = [
    { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
    { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
    { key: 'photo', label: 'Photo', page: 0, elementId: 'photo', shared: true },
  ];
  const PHOTO = 'a'.repeat(64);
  const bilingualRows = [
    { ward: { en: 'Vote in Abbey on 7 May', cy: 'Pleidleisiwch yn Abaty ar 7 Mai' }, candidate: { en: 'Gwen Hughes', cy: 'Gwen Hughes' }, photo: PHOTO },
    { ward: { en: 'Vote in Castle on 7 May', cy: 'Pleidleisiwch yn y Castell ar 7 Mai' }, candidate: { en: 'Dafydd ap Siôn', cy: 'Dafydd ap Siôn' }, photo: PHOTO },
    { ward: { en: 'Vote in Waun Fawr', cy: 'Pleidleisiwch yn Waun Fawr, ŵ ŷ' }, candidate: { en: '=HYPERLINK("http://evil.example")', cy: 'Siân' }, photo: PHOTO },
  ];

  it('is saved with its kind and read back by the organisation, Welsh letters and a formula as written', async () => {
    const id = await saveDesign(campaigner, 'Bilingual newsletter');
    const saved = await put(campaigner, id, { kind: 'bilingual', fields: bilingualFields, rows: bilingualRows });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ designId: id, kind: 'bilingual', fields: bilingualFields, rows: bilingualRows, updatedByYou: true });
    const read = await call(colleague, `/api/designs/${id}/variants`);
    expect(read.body).toMatchObject({ designId: id, kind: 'bilingual', fields: bilingualFields, rows: bilingualRows, updatedByYou: false });
    const entries = (await call(admin, '/api/admin/audit')).body.entries as Json[];
    expect(entries.find((e) => e.action === 'design.variants-saved' && e.targetId === id)).toMatchObject({ details: { kind: 'bilingual', rows: 3, fields: 3 } });
    expect(JSON.stringify(entries)).not.toContain('Abaty');
    // Replaced by a plain table, it reads as plain again.
    await put(campaigner, id, { fields, rows });
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body).toMatchObject({ kind: 'plain', rows });
  });

  it('names the path of a missing Welsh text, a pair where one value goes, and an unknown kind (400)', async () => {
    const id = await saveDesign(campaigner, 'Bad bilingual');
    const rows4 = [...bilingualRows, { ...bilingualRows[0], ward: { en: 'Vote in Dene' } }];
    const missing = await put(campaigner, id, { kind: 'bilingual', fields: bilingualFields, rows: rows4 });
    expect([missing.status, missing.body.error.fields]).toEqual([400, [{ path: 'rows[3].ward.cy', message: 'the Welsh text is missing' }]]);
    const shapes = await put(campaigner, id, { kind: 'bilingual', fields: bilingualFields, rows: [{ ...bilingualRows[0], candidate: 'Gwen', photo: { en: PHOTO, cy: PHOTO } }] });
    expect(shapes.body.error.fields.map((f: Json) => f.path)).toEqual(['rows[0].candidate', 'rows[0].photo']);
    const kind = await put(campaigner, id, { kind: 'trilingual', fields: bilingualFields, rows: bilingualRows });
    expect([kind.status, kind.body.error.fields]).toEqual([400, [{ path: 'kind', message: 'must be "plain" or "bilingual"' }]]);
    // A plain table's rows are one text per field: a pair there is refused.
    expect((await put(campaigner, id, { fields, rows: [{ ward: { en: 'a', cy: 'b' }, candidate: 'c' }] })).body.error.fields.map((f: Json) => f.path)).toEqual(['rows[0].ward']);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.updatedAt).toBeNull();
  });

  it('refuses a shared field of words, and a photo field with a text per language, naming the field (422)', async () => {
    const id = await saveDesign(campaigner, 'Sharing');
    const res = await put(campaigner, id, {
      kind: 'bilingual',
      fields: [{ ...bilingualFields[0], shared: true }, { ...bilingualFields[2], shared: undefined }],
      rows: [{ ward: 'Vote in Abbey', photo: { en: PHOTO, cy: PHOTO } }],
    });
    expect([res.status, res.body.error.code, res.body.error.fields.map((f: Json) => f.path)]).toEqual([422, 'field_not_in_design', ['fields[0].shared', 'fields[1].shared']]);
  });

  it('is nobody\'s outside the organisation (404)', async () => {
    const id = await saveDesign(campaigner, 'Private bilingual');
    expect((await put(outsider, id, { kind: 'bilingual', fields: bilingualFields, rows: bilingualRows })).status).toBe(404);
    await put(campaigner, id, { kind: 'bilingual', fields: bilingualFields, rows: bilingualRows });
    expect((await call(outsider, `/api/designs/${id}/variants`)).status).toBe(404);
  });
});

describe('bad tables', () => {
  let id: string;
  beforeAll(async () => {
    id = await saveDesign(campaigner, 'Bad tables');
  });

  it('names the row and column of a missing or unknown value, and bad field settings (400)', async () => {
    const res = await put(campaigner, id, { fields, rows: [rows[0], { ward: 'Vote in Abbey', colour: 'red' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: Json) => f.path)).toEqual(['rows[1].candidate', 'rows[1].colour']);
    const bad = await put(campaigner, id, { fields: [{ ...fields[0], key: 'Ward Name', page: 3 }], rows: [{}] });
    expect(bad.body.error.fields.map((f: Json) => f.path)).toEqual(['fields[0].key', 'fields[0].page']);
    expect((await put(campaigner, id, 'wards')).status).toBe(400);
  });

  it('refuses a field that fills no element of the design, naming it (422)', async () => {
    const res = await put(campaigner, id, { fields: [{ ...fields[0], elementId: 'band' }, { ...fields[1], elementId: 'nowhere', key: 'x' }], rows: [{ ward: 'a', x: 'b' }] });
    expect([res.status, res.body.error.code]).toEqual([422, 'field_not_in_design']);
    expect(res.body.error.fields).toEqual([
      { path: 'fields[0].elementId', message: expect.stringContaining('"band" is a shape') },
      { path: 'fields[1].elementId', message: 'no element "nowhere" on the front' },
    ]);
  });

  it('refuses a body past the JSON limit (413) and keeps the table saved before', async () => {
    await put(campaigner, id, { fields, rows });
    const huge = Array.from({ length: 1000 }, () => ({ ward: 'x'.repeat(1000), candidate: 'y' }));
    const res = await put(campaigner, id, { fields, rows: huge });
    expect([res.status, res.body.error.code]).toEqual([413, 'body_too_large']);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.rows).toEqual(rows);
  });
});

describe('who can see a variant table', () => {
  it('is nobody outside the organisation (404), and nobody signed out (401)', async () => {
    const id = await saveDesign(campaigner, 'Private wards');
    await put(campaigner, id, { fields, rows });
    expect((await call(outsider, `/api/designs/${id}/variants`)).status).toBe(404);
    expect((await put(outsider, id, { fields, rows })).status).toBe(404);
    expect((await call(outsider, `/api/designs/${id}/variants`, undefined, 'DELETE')).status).toBe(404);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.rows).toEqual(rows);
    const anonymous = await fetch(`${rosette.baseUrl}/api/designs/${id}/variants`);
    expect(anonymous.status).toBe(401);
  });

  it('goes with its design: a deleted design has none (404)', async () => {
    const id = await saveDesign(campaigner, 'Deleted');
    await put(campaigner, id, { fields, rows });
    expect((await call(campaigner, `/api/designs/${id}`, undefined, 'DELETE')).status).toBe(204);
    expect((await call(campaigner, `/api/designs/${id}/variants`)).body.error.code).toBe('not_found');
    expect((await put(campaigner, id, { fields, rows })).status).toBe(404);
  });
});
