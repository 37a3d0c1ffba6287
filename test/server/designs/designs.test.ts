import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestClient } from '../../support/test-client';

let rosette: RunningRosette;
let riverside: TestClient;
let riversideToo: TestClient;
let riversideTooId: string;
let hillside: TestClient;
let design: Record<string, any>;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  riverside = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  const colleague = await rosette.createAccount({ organisation: 'Riverside Labour' });
  riversideTooId = colleague.id;
  riversideToo = await rosette.signedIn(colleague);
  hillside = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens' }));
  design = ((await (await riverside.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('saved designs', () => {
  it('saves, lists, reads, replaces and deletes a design, shared within the organisation', async () => {
    const created = await riverside.request('/api/designs', { json: { design: { ...design, title: 'Bus leaflet' } } });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string; url: string; title: string; design: { title: string } };
    expect(Object.keys(saved).sort()).toEqual(['createdAt', 'design', 'id', 'template', 'title', 'updatedAt', 'url', 'version']);
    expect(saved).toMatchObject({ title: 'Bus leaflet', url: `/api/designs/${saved.id}` });

    // A colleague in the same organisation sees it in the list and can open it.
    const list = (await (await riversideToo.request('/api/designs')).json()) as { designs: Array<Record<string, unknown>> };
    expect(list.designs).toEqual([{ id: saved.id, title: 'Bus leaflet', createdByYou: false, format: { size: 'A5', orientation: 'portrait' }, pages: 2, updatedAt: expect.any(String), url: saved.url, template: null }]);
    expect((await riversideToo.request(saved.url)).status).toBe(200);

    const replaced = await riverside.request(saved.url, { method: 'PUT', json: { design: { ...design, title: 'Bus leaflet v2' } } });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: saved.id, title: 'Bus leaflet v2', version: 2 });

    expect((await riverside.request(saved.url, { method: 'DELETE' })).status).toBe(204);
    expect((await riverside.request(saved.url)).status).toBe(404);
  });

  it('never shows one organisation\'s designs to another: not in the list, not by id', async () => {
    const saved = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Private plans' } } })).json()) as { id: string; url: string };
    expect(((await (await hillside.request('/api/designs')).json()) as { designs: unknown[] }).designs).toEqual([]);
    for (const method of ['GET', 'DELETE'] as const) expect((await hillside.request(saved.url, { method })).status).toBe(404);
    expect((await hillside.request(saved.url, { method: 'PUT', json: { design } })).status).toBe(404);
    // Still there, unchanged.
    expect(((await (await riverside.request(saved.url)).json()) as { title: string }).title).toBe('Private plans');
  });

  describe('when a design is saved again', () => {
    it('keeps every version: a save is a new version of the same design, not a new design', async () => {
      const first = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Canvass card' } } })).json()) as { id: string; url: string; version: number };
      expect(first.version).toBe(1);
      for (const title of ['Canvass card, ward 2', 'Canvass card, final']) {
        expect((await riversideToo.request(first.url, { method: 'PUT', json: { design: { ...design, title } } })).status).toBe(200);
      }
      const list = (await (await riverside.request('/api/designs')).json()) as { designs: Array<{ id: string; title: string }> };
      expect(list.designs.filter((d) => d.id === first.id)).toEqual([expect.objectContaining({ title: 'Canvass card, final' })]);

      const history = (await (await riverside.request(`${first.url}/versions`)).json()) as { versions: Array<{ version: number; title: string; url: string }> };
      expect(history.versions.map((v) => [v.version, v.title])).toEqual([
        [3, 'Canvass card, final'],
        [2, 'Canvass card, ward 2'],
        [1, 'Canvass card'],
      ]);
      const old = (await (await riverside.request(history.versions[2]!.url)).json()) as { version: number; design: { title: string } };
      expect(old).toMatchObject({ version: 1, design: { title: 'Canvass card' } });
      expect(((await (await riverside.request(first.url)).json()) as { version: number }).version).toBe(3);
    });

    it('gives two saves at once consecutive versions, losing neither', async () => {
      const first = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Race' } } })).json()) as { url: string };
      const answers = await Promise.all(['Race A', 'Race B'].map(async (title) => (await (await riverside.request(first.url, { method: 'PUT', json: { design: { ...design, title } } })).json()) as { version: number }));
      expect(answers.map((a) => a.version).sort()).toEqual([2, 3]);
      const history = (await (await riverside.request(`${first.url}/versions`)).json()) as { versions: Array<{ title: string }> };
      expect(history.versions.map((v) => v.title).sort()).toEqual(['Race', 'Race A', 'Race B']);
    });

    it('answers 404 for a version that was never saved, and 400 naming the version for one that cannot be', async () => {
      const first = (await (await riverside.request('/api/designs', { json: { design } })).json()) as { url: string };
      expect((await riverside.request(`${first.url}/versions/2`)).status).toBe(404);
      const bad = await riverside.request(`${first.url}/versions/zero`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('version');
      expect((await hillside.request(`${first.url}/versions`)).status).toBe(404);
      expect((await hillside.request(`${first.url}/versions/1`)).status).toBe(404);
    });
  });

  it('checks the design with the shared schema, naming the field', async () => {
    const bad = JSON.parse(JSON.stringify(design));
    bad.imprint.promoter.address = '';
    const res = await riverside.request('/api/designs', { json: { design: bad } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toContain('design.imprint.promoter.address');
  });

  describe('the list', () => {
    it('says whether the account asking made each design, never who did', async () => {
      const mine = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Author check' } } })).json()) as { id: string };
      const seen = async (client: TestClient) => ((await (await client.request('/api/designs')).json()) as { designs: Array<Record<string, unknown>> }).designs.find((d) => d.id === mine.id);
      expect(await seen(riverside)).toMatchObject({ createdByYou: true });
      expect(await seen(riversideToo)).toMatchObject({ createdByYou: false });
      expect(JSON.stringify(await seen(riversideToo))).not.toMatch(/@|account|createdBy"/);
    });
  });

  describe('renaming', () => {
    it('saves a new version with the new title (the old name stays in the history), and audits who did it', async () => {
      const saved = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'A5 flyer' } } })).json()) as { id: string; url: string };
      const res = await riversideToo.request(saved.url, { method: 'PATCH', json: { title: '  Spring newsletter ' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: saved.id, title: 'Spring newsletter', version: 2, design: { title: 'Spring newsletter', pages: design.pages } });
      const history = (await (await riverside.request(`${saved.url}/versions`)).json()) as { versions: Array<{ version: number; title: string }> };
      expect(history.versions.map((v) => [v.version, v.title])).toEqual([
        [2, 'Spring newsletter'],
        [1, 'A5 flyer'],
      ]);
      const audit = await rosette.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', saved.id).execute();
      expect(audit).toEqual([{ action: 'design.renamed', target_id: saved.id }]);
    });

    it.each([
      ['an empty title', { title: '   ' }, 'title', /must not be empty/],
      ['a title too long', { title: 'x'.repeat(121) }, 'title', /at most 120/],
      ['a title with a line break', { title: 'Spring\r\nSet-Cookie: a=b' }, 'title', /plain text/],
      ['no title', {}, 'title', /./],
      ['a field that cannot be renamed', { title: 'Fine', design: {} }, '', /only the title/],
    ])('refuses %s with 400 naming the field', async (_case, body, path, message) => {
      const saved = (await (await riverside.request('/api/designs', { json: { design } })).json()) as { url: string };
      const res = await riverside.request(saved.url, { method: 'PATCH', json: body });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } };
      expect(error.fields[0]).toEqual({ path, message: expect.stringMatching(message) });
      expect(((await (await riverside.request(saved.url)).json()) as { version: number }).version).toBe(1);
    });

    it('answers 404 to another organisation, and changes nothing', async () => {
      const saved = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Not yours' } } })).json()) as { url: string };
      expect((await hillside.request(saved.url, { method: 'PATCH', json: { title: 'Taken over' } })).status).toBe(404);
      expect(await (await riverside.request(saved.url)).json()).toMatchObject({ title: 'Not yours', version: 1 });
    });
  });

  describe('duplicating', () => {
    it('makes a new design of the current version, called "Copy of …" unless a title is given, made by the account that copied it', async () => {
      const saved = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'Hustings poster' } } })).json()) as { id: string; url: string };
      const res = await riversideToo.request(`${saved.url}/duplicate`, { method: 'POST', json: {} });
      expect(res.status).toBe(201);
      const copy = (await res.json()) as { id: string; url: string; title: string; version: number; design: { title: string; pages: unknown } };
      expect(copy.id).not.toBe(saved.id);
      expect(res.headers.get('location')).toBe(copy.url);
      expect(copy).toMatchObject({ title: 'Copy of Hustings poster', version: 1, design: { title: 'Copy of Hustings poster', pages: design.pages } });
      const named = (await (await riverside.request(`${saved.url}/duplicate`, { method: 'POST', json: { title: 'Hustings poster (Welsh)' } })).json()) as { title: string };
      expect(named.title).toBe('Hustings poster (Welsh)');

      const list = (await (await riversideToo.request('/api/designs')).json()) as { designs: Array<{ id: string; title: string; createdByYou: boolean }> };
      expect(list.designs.find((d) => d.id === copy.id)).toMatchObject({ title: 'Copy of Hustings poster', createdByYou: true });
      expect(list.designs.find((d) => d.id === saved.id)).toMatchObject({ title: 'Hustings poster', createdByYou: false });
      const audit = await rosette.db.selectFrom('audit_log').select('action').where('target_id', '=', copy.id).execute();
      expect(audit).toEqual([{ action: 'design.duplicated' }]);
    });

    it('keeps a long title within the 120 characters a title may have', async () => {
      const saved = (await (await riverside.request('/api/designs', { json: { design: { ...design, title: 'y'.repeat(120) } } })).json()) as { url: string };
      const copy = (await (await riverside.request(`${saved.url}/duplicate`, { method: 'POST', json: {} })).json()) as { title: string };
      expect(copy.title).toBe(`Copy of ${'y'.repeat(112)}`);
    });

    it('refuses a bad title with 400 naming it, and answers 404 to another organisation or a deleted design', async () => {
      const saved = (await (await riverside.request('/api/designs', { json: { design } })).json()) as { url: string };
      const bad = await riverside.request(`${saved.url}/duplicate`, { method: 'POST', json: { title: 42 } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]!.path).toBe('title');
      expect((await hillside.request(`${saved.url}/duplicate`, { method: 'POST', json: {} })).status).toBe(404);
      expect(((await (await hillside.request('/api/designs')).json()) as { designs: unknown[] }).designs).toEqual([]);
      expect((await riverside.request(saved.url, { method: 'DELETE' })).status).toBe(204);
      expect((await riverside.request(`${saved.url}/duplicate`, { method: 'POST', json: {} })).status).toBe(404);
    });
  });

  it('audits a deletion (which design, by whom: ids only)', async () => {
    const saved = (await (await riverside.request('/api/designs', { json: { design } })).json()) as { id: string; url: string };
    expect((await hillside.request(saved.url, { method: 'DELETE' })).status).toBe(404);
    expect((await riversideToo.request(saved.url, { method: 'DELETE' })).status).toBe(204);
    const audit = await rosette.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', saved.id).execute();
    expect(audit).toEqual([{ action: 'design.deleted', actor_id: riversideTooId }]);
  });
});
