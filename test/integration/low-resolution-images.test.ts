import sharp from 'sharp';
import { MIN_PRINT_DPI, REFUSE_BELOW_DPI } from '../../common/layout/layout-design';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import type { TestClient } from '../support/test-client';
import { withRealImprint } from '../support/real-imprint';

let rosette: RunningRosette;
let client: TestClient;
beforeAll(async () => {
  rosette = await startRosette();
  client = await rosette.signedIn(await rosette.createAccount());
});
afterAll(async () => {
  await rosette?.close();
});

const postJson = (path: string, body: unknown) => client.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Uploads a square PNG of this many pixels a side, as a campaigner would; returns its asset id. */
async function upload(side: number, colour: string): Promise<string> {
  const png = await sharp({ create: { width: side, height: side, channels: 3, background: colour } }).png().toBuffer();
  const res = await client.request('/api/assets', { method: 'POST', body: new Uint8Array(png), headers: { 'Content-Type': 'image/png' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/**
 * The A6 postcard with a 25.4 mm (one inch) square picture added away from the trim edges (so no
 * bleed): an image of N pixels a side prints at exactly N ppi. Returns the design and the picture's index.
 */
async function postcardWith(assetId: string, title: string) {
  const res = await client.request('/api/templates/a6-postcard');
  const design = ((await res.json()) as { design: Record<string, any> }).design;
  design.title = title;
  // The campaigner's own words and imprint: only the picture is in question here.
  Object.assign(design, withRealImprint({}));
  design.pages[0].elements.find((e: { id: string }) => e.id === 'headline').text = 'Polling stations open 7am to 10pm';
  design.pages[0].elements.find((e: { id: string }) => e.id === 'message').blocks = [{ type: 'paragraph', text: 'Find yours on your poll card.' }];
  design.pages[0].elements.push({ id: 'team-photo', kind: 'image', box: { x: 60, y: 40, width: 25.4, height: 25.4 }, assetId, fit: 'cover', alt: 'The team' });
  return { design, index: design.pages[0].elements.length - 1 };
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } }).error;
}

describe(`an image below ${REFUSE_BELOW_DPI} ppi at its printed size`, () => {
  let design: Record<string, any>;
  let index: number;
  beforeAll(async () => {
    ({ design, index } = await postcardWith(await upload(100, '#2a7f62'), 'Coarse photo'));
  });

  it('is refused with 422, naming the image field, its ppi and the minimum', async () => {
    const res = await postJson('/api/print-jobs', { design });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('image_resolution_too_low');
    expect(error.message).toMatch(/"team-photo" prints at 100 ppi, below the 150 ppi minimum/);
    expect(error.fields).toEqual([{ path: `design.pages[0].elements[${index}].assetId`, message: expect.stringContaining('100 ppi') }]);
  });

  it('is refused when the request confirms nothing, or says false', async () => {
    expect((await postJson('/api/print-jobs', { design, confirm: {} })).status).toBe(422);
    expect((await postJson('/api/print-jobs', { design, confirm: { lowResolutionImages: false } })).status).toBe(422);
  });

  it('is printed when the campaigner confirms it, and the job still warns about it', async () => {
    const res = await postJson('/api/print-jobs', { design, copies: 50, confirm: { lowResolutionImages: true } });
    expect(res.status).toBe(202);
    const done = await waitForJob(client, ((await res.json()) as { statusUrl: string }).statusUrl);
    expect(done).toMatchObject({ status: 'done', download: { pages: 1 } });
    expect(done.warnings).toEqual([{ code: 'low-resolution-image', page: 0, elementId: 'team-photo', ppi: 100, message: expect.stringContaining('100 ppi') }]);
    expect((await client.request(done.download.url)).status).toBe(200);
  });

  it('is refused again without the confirmation, though a confirmed job of the same design exists', async () => {
    // The confirmation is not part of the job id; the refusal comes before the queue is asked.
    const res = await postJson('/api/print-jobs', { design, copies: 50 });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('image_resolution_too_low');
  });
});

describe(`an image between ${REFUSE_BELOW_DPI} and ${MIN_PRINT_DPI} ppi`, () => {
  it('is printed without confirmation, with a warning giving its ppi', async () => {
    const { design } = await postcardWith(await upload(200, '#c8102e'), 'Soft photo');
    const res = await postJson('/api/print-jobs', { design });
    expect(res.status).toBe(202);
    const done = await waitForJob(client, ((await res.json()) as { statusUrl: string }).statusUrl);
    expect(done.status).toBe('done');
    expect(done.warnings).toEqual([expect.objectContaining({ code: 'low-resolution-image', elementId: 'team-photo', ppi: 200 })]);
  });
});

describe('a confirmation that is not one', () => {
  let design: Record<string, any>;
  beforeAll(async () => {
    ({ design } = await postcardWith(await upload(100, '#ffd400'), 'Bad confirmation'));
  });

  it.each([
    ['not an object', true, 'confirm'],
    ['a string for the flag', { lowResolutionImages: 'yes' }, 'confirm.lowResolutionImages'],
    ['an unknown thing to confirm', { everything: true }, 'confirm'],
  ])('is a 400 naming the field when it is %s', async (_name, confirm, field) => {
    const res = await postJson('/api/print-jobs', { design, confirm });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.fields.map((f) => f.path)).toContain(field);
    expect(error.message).toMatch(/^confirm/);
  });
});
