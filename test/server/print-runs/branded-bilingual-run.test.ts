import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { callJson as call } from '../../support/call-json';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { withRealImprint } from '../../support/real-imprint';
import type { TestClient } from '../../support/test-client';
import { patient, waitForValue } from '../../support/wait-for';

type Json = Record<string, any>;

/**
 * Issue 16, "done when": a regional party publishes a branded newsletter template, and a local party
 * prints it for each of its wards, in English and Welsh, in one run, with the brand intact in every copy.
 */
const WARDS = [
  { en: 'Vote in Castle ward on 7 May', cy: 'Pleidleisiwch yn ward y Castell ar 7 Mai' },
  { en: 'Vote in Riverside ward on 7 May', cy: 'Pleidleisiwch yn ward Glan yr Afon ar 7 Mai' },
  { en: 'Vote in Pen-y-bryn ward on 7 May', cy: 'Pleidleisiwch yn ward Pen-y-bryn ar 7 Mai' },
];
const CANDIDATES = [
  { en: 'Siân for Castle', cy: 'Siân dros y Castell' },
  { en: 'Gwyn for Riverside', cy: 'Gwyn dros Lan yr Afon' },
  { en: 'Dŵr for Pen-y-bryn', cy: 'Dŵr dros Ben-y-bryn' },
];
const FIELDS = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: 'Candidate', page: 0, elementId: 'headline' },
];

let rosette: RunningRosette;
let regionalAgent: TestClient;
let localCampaigner: TestClient;
let templateId: string;

const pdfText = (pdf: Buffer, first?: number, last?: number) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-branded-run-'));
  try {
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
    return execFileSync('pdftotext', [...range, path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
/** Image placements of a PDF as `pdfimages -list` gives them: page and object number. */
const imagePlacements = (pdf: Buffer) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-branded-run-'));
  try {
    fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    const lines = execFileSync('pdfimages', ['-list', path.join(dir, 'doc.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    return lines.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image').map((cols) => ({ page: Number(cols[0]), object: cols[10]! }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
const download = async (url: string) => Buffer.from(await (await fetch(rosette.baseUrl + url)).arrayBuffer());
const languageOf = async (pdf: Buffer) => ((await PDFDocument.load(pdf)).catalog.get(PDFName.of('Lang')) as PDFString | undefined)?.decodeText();

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  const region = await rosette.createAccount({ organisation: 'Plaid Example Region', role: 'agent' });
  const local = await rosette.createAccount({ organisation: 'Glan yr Afon Local Party' });
  const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  expect((await admin.request(`/api/admin/organisations/${local.orgId}/parent`, { method: 'PUT', json: { parentId: region.orgId } })).status).toBe(200);
  regionalAgent = await rosette.signedIn(region);
  localCampaigner = await rosette.signedIn(local);

  // The region's newsletter: its band and its logo (the flyer's picture) locked, the words open.
  const flyer = ((await (await regionalAgent.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
  const design: Json = withRealImprint({ ...flyer, title: 'Regional newsletter' });
  design.pages[0].elements.find((e: Json) => e.id === 'photo').id = 'logo';
  const source = await call(regionalAgent, '/api/designs', { design });
  expect(source.status).toBe(201);
  const published = await call(regionalAgent, '/api/published-templates', { designId: source.body.id, locked: ['logo', 'band'] });
  expect(published.status).toBe(201);
  templateId = published.body.id;
}, patient(30_000));
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('a regional template printed by a local party for every ward, in English and Welsh, in one run', () => {
  it('makes two versions a ward, each with its own words and language, the brand the same in every copy', async () => {
    const template = await call(localCampaigner, `/api/published-templates/${templateId}`);
    expect(template.status).toBe(200);
    const made = await call(localCampaigner, '/api/designs', { design: withRealImprint({ ...template.body.design, title: 'Ward newsletter' }), template: { id: templateId, version: 1 } });
    expect(made.status).toBe(201);
    const designId = made.body.id as string;

    // The brand cannot be a field of the table: the logo stays the region's in every version.
    const logoId = template.body.design.pages[0].elements.find((e: Json) => e.id === 'logo').assetId as string;
    const logoRow = { ward: WARDS[0], candidate: CANDIDATES[0], logo: logoId };
    const logoField = await call(localCampaigner, `/api/designs/${designId}/variants`, { kind: 'bilingual', fields: [...FIELDS, { key: 'logo', label: 'Logo', page: 0, elementId: 'logo', shared: true }], rows: [logoRow] }, 'PUT');
    expect(logoField.body).toMatchObject({ error: { code: 'element_locked' } });
    expect(logoField.status).toBe(422);

    // A Welsh ward too long for its line refuses the run, naming the row's Welsh half.
    const tooLong = WARDS.map((ward, i) => ({ ward: i === 1 ? { ...ward, cy: `${ward.cy} a Phen-y-lan, Llan-y-pwll a Chwm yr Hen Efail Uchaf` } : ward, candidate: CANDIDATES[i] }));
    expect((await call(localCampaigner, `/api/designs/${designId}/variants`, { kind: 'bilingual', fields: FIELDS, rows: tooLong }, 'PUT')).status).toBe(200);
    const refused = await call(localCampaigner, `/api/designs/${designId}/runs`, { confirm: { unchangedTemplateText: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('variant_not_printable');
    expect(refused.body.error.fields.map((f: Json) => f.path)).toEqual(['rows[1].ward.cy']);
    expect(refused.body.error.message).toMatch(/^row 2 \(Welsh\), ward: /);

    const rows = WARDS.map((ward, i) => ({ ward, candidate: CANDIDATES[i] }));
    const table = await call(localCampaigner, `/api/designs/${designId}/variants`, { kind: 'bilingual', fields: FIELDS, rows }, 'PUT');
    expect(table.status).toBe(200);

    const started = await call(localCampaigner, `/api/designs/${designId}/runs`, { confirm: { unchangedTemplateText: true } });
    expect(started.status).toBe(202);
    expect(started.body.counts.variants).toBe(6);
    const run = await waitForValue('the run is done', async () => {
      const { body } = await call(localCampaigner, `/api/runs/${started.body.id}`);
      return body.status === 'done' ? body : null;
    }, { timeoutMs: patient(90_000), everyMs: 100 });

    // Each version: its ward and candidate in its language, tagged with it.
    const expected = WARDS.flatMap((ward, i) => (['en', 'cy'] as const).map((lang) => ({ ward: ward[lang], candidate: CANDIDATES[i]![lang], tag: lang === 'en' ? 'en-GB' : 'cy-GB' })));
    expect(run.variants).toHaveLength(6);
    for (const [n, variant] of (run.variants as Json[]).entries()) {
      const pdf = await download(variant.download.url);
      const text = pdfText(pdf);
      expect(text).toContain(expected[n]!.ward);
      expect(text).toContain(expected[n]!.candidate);
      expect(await languageOf(pdf)).toBe(expected[n]!.tag);
    }

    // The printer's combined PDF: the six versions in order, two pages each.
    const combined = await download(run.combined.url);
    expect((await PDFDocument.load(combined)).getPageCount()).toBe(12);
    for (const [n, version] of expected.entries()) expect(pdfText(combined, 2 * n + 1)).toContain(version.ward);
    // The brand intact in every copy: the region's logo on every front page, one image embedded once.
    const logos = imagePlacements(combined).filter((p) => p.page % 2 === 1);
    expect(new Set(logos.map((p) => p.page))).toEqual(new Set([1, 3, 5, 7, 9, 11]));
    expect(new Set(logos.map((p) => p.object)).size).toBe(1);
  }, patient(120_000));
});
