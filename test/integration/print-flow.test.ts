import { mmToPt } from '../../common/design/units';
import { readPdf } from '../support/read-pdf';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { printJobBody, withRealImprint } from '../support/real-imprint';

let rosette: RunningRosette;
/** A signed-in campaigner: print jobs belong to an organisation. */
let client: TestClient;
beforeAll(async () => {
  rosette = await startRosette();
  client = await rosette.signedIn(await rosette.createAccount());
});
afterAll(async () => {
  await rosette?.close();
});

const get = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) => client.request(path, init);
const postJson = (path: string, body: unknown) => get(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function template(id: string) {
  const res = await get(`/api/templates/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { design: Record<string, any> }).design;
}

describe('printing a leaflet from a template', () => {
  it('lists the templates with their formats', async () => {
    const res = await get('/api/templates');
    const body = (await res.json()) as { templates: Array<{ id: string; format: { widthMm: number } }> };
    expect(res.status).toBe(200);
    expect(body.templates.length).toBeGreaterThanOrEqual(6);
    expect(body.templates.find((t) => t.id === 'a5-flyer')?.format.widthMm).toBe(148);
  });

  it('queues an edited A5 flyer, renders it and serves a print-ready PDF', async () => {
    const design = await template('a5-flyer');
    design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = 'Bysiau bob deng munud: ŵyn a tŷ';
    const res = await postJson('/api/print-jobs', printJobBody(design, { copies: 500 }));
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as Record<string, any>;
    expect(accepted).toMatchObject({ id: expect.stringMatching(/^[a-f0-9]{32}$/), statusUrl: `/api/print-jobs/${accepted.id}` });
    expect(['queued', 'rendering', 'done']).toContain(accepted.status);
    // A waiting job has a place in the queue (1 = next); a job already rendering or done has none.
    if (accepted.status === 'queued') expect(accepted.position).toBeGreaterThanOrEqual(1);
    else expect(accepted.position).toBeNull();

    const done = await waitForJob(client, accepted.statusUrl);
    expect(done).toMatchObject({ status: 'done', progress: 100, download: { pages: 2, url: expect.stringMatching(/^\/downloads\/[a-f0-9]{64}\.pdf$/) } });
    // The sample photo is sharp enough for every template, so an untouched photo raises no warning.
    expect(done.warnings).toEqual([]);

    const pdfRes = await get(done.download.url);
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    // Named after the design (its print record); the address stays the content hash.
    expect(pdfRes.headers.get('content-disposition')).toBe(`attachment; filename="${design.title.replace(/[^A-Za-z0-9]+/g, '-')}.pdf"`);
    expect(pdfRes.headers.get('cache-control')).toContain('immutable');
    const etag = pdfRes.headers.get('etag')!;
    const data = Buffer.from(await pdfRes.arrayBuffer());
    expect(data.length).toBe(done.download.bytes);

    const facts = await readPdf(data);
    expect(facts.text.replace(/\s+/g, ' ')).toContain('Bysiau bob deng munud: ŵyn a tŷ');
    expect(facts.text).toContain('Mae pob tŷ yn cyfrif');
    expect(facts.pages).toHaveLength(2);
    const bleed = mmToPt(3);
    for (const page of facts.pages) {
      expect(page.mediaBox[2]).toBeCloseTo(mmToPt(148) + 2 * bleed, 1);
      expect(page.trimBox![2]! - page.trimBox![0]!).toBeCloseTo(mmToPt(148), 1);
      expect(page.trimBox![3]! - page.trimBox![1]!).toBeCloseTo(mmToPt(210), 1);
    }

    const again = await get(done.download.url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('renders the same design only once, however often it is sent', async () => {
    const design = await template('dl-leaflet');
    design.title = 'Only once';
    const before = rosette.stats.renders;
    const first = (await (await postJson('/api/print-jobs', printJobBody(design, { copies: 10 }))).json()) as Record<string, any>;
    const second = (await (await postJson('/api/print-jobs', printJobBody(design, { copies: 10 }))).json()) as Record<string, any>;
    expect(second.id).toBe(first.id);
    await waitForJob(client, first.statusUrl);
    const third = (await (await postJson('/api/print-jobs', printJobBody(design, { copies: 10 }))).json()) as Record<string, any>;
    expect(third).toMatchObject({ id: first.id, status: 'done' });
    // Another order of the same leaflet is its own job, but reuses the PDF.
    const other = (await (await postJson('/api/print-jobs', printJobBody(design, { copies: 20 }))).json()) as Record<string, any>;
    const otherDone = await waitForJob(client, other.statusUrl);
    expect(other.id).not.toBe(first.id);
    expect(otherDone.download.url).toBe(((await (await get(first.statusUrl)).json()) as Record<string, any>).download.url);
    expect(rosette.stats.renders - before).toBe(1);
  });

  it('answers health and readiness checks', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
  });
});

describe('bad requests', () => {
  let design: Record<string, any>;
  beforeAll(async () => {
    design = withRealImprint(await template('a6-postcard'));
  });
  const clone = () => JSON.parse(JSON.stringify(design));

  async function expectError(res: Response, status: number, code: string, fieldPath?: string | RegExp) {
    const body = (await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } };
    expect([res.status, res.status === status ? '' : JSON.stringify(body)]).toEqual([status, '']);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    if (fieldPath) expect(body.error.fields.map((f) => f.path)).toContainEqual(fieldPath instanceof RegExp ? expect.stringMatching(fieldPath) : fieldPath);
    return body;
  }

  it('refuses malformed JSON', async () => {
    await expectError(await postJson('/api/print-jobs', '{"design": '), 400, 'malformed_json');
  });

  it('refuses a body that is not JSON', async () => {
    await expectError(await get('/api/print-jobs', { method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type', 'body');
  });

  it('refuses an oversized body with 413', async () => {
    await expectError(await postJson('/api/print-jobs', { design, padding: 'x'.repeat(600 * 1024) }), 413, 'body_too_large');
  });

  it('refuses wrong types, naming the field', async () => {
    await expectError(await postJson('/api/print-jobs', { design, copies: 'many' }), 400, 'invalid_request', 'copies');
    await expectError(await postJson('/api/print-jobs', { design: 42 }), 400, "invalid_request", "design");
  });

  it('refuses a design without an imprint, or with an incomplete one', async () => {
    const d = clone();
    delete d.imprint;
    const body = await expectError(await postJson('/api/print-jobs', { design: d }), 400, 'invalid_request', 'design.imprint');
    expect(body.error.message).toMatch(/imprint/);
    const e = clone();
    e.imprint.promoter.address = '  ';
    await expectError(await postJson('/api/print-jobs', { design: e }), 400, 'invalid_request', 'design.imprint.promoter.address');
  });

  it('refuses a 100,000-character headline', async () => {
    const d = clone();
    d.pages[0].elements[0].text = 'x'.repeat(100_000);
    await expectError(await postJson('/api/print-jobs', { design: d }), 400, 'invalid_request', 'design.pages[0].elements[0].text');
  });

  it('refuses a negative size', async () => {
    const d = clone();
    d.pages[0].elements[0].box.width = -10;
    await expectError(await postJson('/api/print-jobs', { design: d }), 400, 'invalid_request', 'design.pages[0].elements[0].box.width');
  });

  it('refuses text that cannot fit its box, instead of cutting it off', async () => {
    const d = clone();
    d.pages[0].elements[0].text = 'A headline far too long for the little box it has been given on this postcard, however small it gets';
    d.pages[0].elements[0].minFontSize = 20;
    await expectError(await postJson('/api/print-jobs', { design: d }), 422, 'design_does_not_fit', 'design.pages[0].elements[0].text');
  });

  it('refuses Hebrew and Arabic text, which it would print backwards, naming each field', async () => {
    const d = clone();
    d.pages[0].elements[0].text = 'שלום לכולם';
    d.imprint.promoter.name = 'مرحبا بالجميع';
    const body = await expectError(await postJson('/api/print-jobs', { design: d }), 422, 'unsupported_script', 'design.pages[0].elements[0].text');
    expect(body.error.fields.map((f) => f.path)).toContain('design.imprint.promoter.name');
    expect(body.error.message).toMatch(/^right-to-left text \(Hebrew, Arabic\) cannot be printed yet/);
  });

  it('refuses an image nobody uploaded', async () => {
    const d = clone();
    d.pages[0].elements.push({ id: 'pic', kind: 'image', box: { x: 10, y: 10, width: 20, height: 20 }, assetId: 'a'.repeat(64) });
    await expectError(await postJson('/api/print-jobs', { design: d }), 400, 'invalid_request', /assetId$/);
  });

  it('answers 404 for an unknown template, job or PDF', async () => {
    await expectError(await get('/api/templates/nope'), 404, 'unknown_template');
    await expectError(await get('/api/print-jobs/0123456789abcdef0123456789abcdef'), 404, 'not_found');
    await expectError(await get('/api/print-jobs/..%2f..%2fetc'), 404, 'not_found');
    await expectError(await get(`/downloads/${'0'.repeat(64)}.pdf`), 404, 'not_found');
    await expectError(await get('/downloads/..%2f..%2fpackage.json'), 404, 'not_found');
  });
});

describe('a template printed as it came', () => {
  it('is refused with 422 sample_imprint while the imprint has the sample details, naming each field', async () => {
    const design = await template('a5-flyer');
    const res = await postJson('/api/print-jobs', { design, confirm: { unchangedTemplateText: true } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } };
    expect(error.code).toBe('sample_imprint');
    expect(error.message).toMatch(/imprint still has sample details \(promoter\.name, promoter\.address, onBehalfOf\.name, onBehalfOf\.address, printer\.name, printer\.address\)/);
    expect(error.fields.map((f) => f.path)).toEqual([
      'design.imprint.promoter.name',
      'design.imprint.promoter.address',
      'design.imprint.onBehalfOf.name',
      'design.imprint.onBehalfOf.address',
      'design.imprint.printer.name',
      'design.imprint.printer.address',
    ]);
    expect(error.fields[0]!.message).toBe('"Alex Example" is a sample promoter name: fill in the name of the person responsible for this leaflet (often the agent)');
  });

  it('is refused while one detail is still a placeholder, naming only that field', async () => {
    const design = withRealImprint(await template('a6-postcard'));
    design.imprint.printer.address = '[printer address]';
    const res = await postJson('/api/print-jobs', { design, confirm: { unchangedTemplateText: true } });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(error).toMatchObject({ code: 'sample_imprint', fields: [{ path: 'design.imprint.printer.address' }] });
  });

  it('with a real imprint, is refused with 422 template_text_unchanged, page by page, unless confirmed', async () => {
    const design = withRealImprint(await template('a5-flyer'));
    design.title = 'Only the front rewritten';
    const front = design.pages[0].elements;
    front.find((e: { id: string }) => e.id === 'headline').text = 'Safer streets for Riverside';
    front.find((e: { id: string }) => e.id === 'vote').text = 'Vote Evans on 7 May';
    front.find((e: { id: string }) => e.id === 'body').blocks = [{ type: 'paragraph', text: 'Our own words.' }];
    const refused = await postJson('/api/print-jobs', { design });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } };
    expect(error.code).toBe('template_text_unchanged');
    // The back: its heading and two paragraphs, not the reply slip, whose words are part of the layout.
    expect(error.fields).toEqual([{ path: 'design.pages[1].elements[0].text', message: 'page 2 (back): 1 heading and 2 paragraphs unchanged from the template' }]);
    expect(error.message).toMatch(/confirm\.unchangedTemplateText: true/);
    expect((await postJson('/api/print-jobs', { design, confirm: { unchangedTemplateText: false } })).status).toBe(422);

    const accepted = await postJson('/api/print-jobs', { design, confirm: { unchangedTemplateText: true } });
    expect(accepted.status).toBe(202);
    expect((await waitForJob(client, ((await accepted.json()) as { statusUrl: string }).statusUrl)).status).toBe('done');
  });

  it('still accepts the old copies field and ignores it in the PDF', async () => {
    const design = withRealImprint(await template('a6-postcard'));
    design.title = 'Copies ignored';
    const one = (await (await postJson('/api/print-jobs', printJobBody(design))).json()) as { statusUrl: string };
    const many = (await (await postJson('/api/print-jobs', printJobBody(design, { copies: 5000 }))).json()) as { statusUrl: string };
    const [a, b] = [await waitForJob(client, one.statusUrl), await waitForJob(client, many.statusUrl)];
    expect(b.download.url).toBe(a.download.url);
  });
});
