import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import type { TestClient } from '../../support/test-client';

let rosette: RunningRosette;
let riverside: TestClient;
let riversideToo: TestClient;
let hillside: TestClient;
let design: Record<string, any>;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  riverside = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  riversideToo = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
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
    expect(Object.keys(saved).sort()).toEqual(['createdAt', 'design', 'id', 'title', 'updatedAt', 'url']);
    expect(saved).toMatchObject({ title: 'Bus leaflet', url: `/api/designs/${saved.id}` });

    // A colleague in the same organisation sees it in the list and can open it.
    const list = (await (await riversideToo.request('/api/designs')).json()) as { designs: Array<Record<string, unknown>> };
    expect(list.designs).toEqual([{ id: saved.id, title: 'Bus leaflet', format: { size: 'A5', orientation: 'portrait' }, pages: 2, updatedAt: expect.any(String), url: saved.url }]);
    expect((await riversideToo.request(saved.url)).status).toBe(200);

    const replaced = await riverside.request(saved.url, { method: 'PUT', json: { design: { ...design, title: 'Bus leaflet v2' } } });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { title: string }).title).toBe('Bus leaflet v2');

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

  it('checks the design with the shared schema, naming the field', async () => {
    const bad = JSON.parse(JSON.stringify(design));
    bad.imprint.promoter.address = '';
    const res = await riverside.request('/api/designs', { json: { design: bad } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toContain('design.imprint.promoter.address');
  });
});
