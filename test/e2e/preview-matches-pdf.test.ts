import { CALM } from '../support/calm-probes';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { designSchema } from '../../common/design/design-schema';
import { mmToPt } from '../../common/design/units';
import { layoutDesign } from '../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../common/templates/sample-photo';
import { findTemplate } from '../../common/templates/templates';
import { SAMPLE_PHOTO_PATH } from '../../server/assets/sample-assets';
import { FontCache } from '../../worker/pdf/font-cache';
import { renderPdf } from '../../worker/pdf/render-pdf';
import { readWordBoxes } from '../support/read-pdf';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  page = await (await newContext(browser)).newPage();
  await signIn(page, rosette.baseUrl, await rosette.createAccount({ organisation: 'Riverside Labour' }));
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/** The lines the editor's preview draws for an element, top to bottom (bullets, drawn apart, left out). */
async function previewLines(elementId: string): Promise<string[]> {
  await page.locator(`svg.preview-page text[data-element-id="${elementId}"]`).first().waitFor();
  const lines = await page.$$eval(`svg.preview-page text[data-element-id="${elementId}"]`, (nodes) =>
    nodes.map((n) => ({ y: Number(n.getAttribute('y')), text: n.textContent ?? '' })),
  );
  return lines
    .filter((l) => l.text !== '•')
    .sort((a, b) => a.y - b.y)
    .map((l) => l.text);
}

/** The lines poppler reads in a box of a PDF page (millimetres from the trim's top-left), words joined by spaces. */
function pdfLines(data: Buffer, pageIndex: number, box: { x: number; y: number; width: number; height: number }, bleed: number): string[] {
  const pt = (mm: number) => mmToPt(mm + bleed);
  const words = readWordBoxes(data).filter(
    (w) => w.page === pageIndex && w.xMin >= pt(box.x) - 1 && w.xMax <= pt(box.x + box.width) + 1 && w.yMin >= pt(box.y) - 1 && w.yMax <= pt(box.y + box.height) + 1 && w.text !== '•',
  );
  const lines = new Map<number, typeof words>();
  for (const w of words) {
    const key = [...lines.keys()].find((y) => Math.abs(y - w.yMax) < 1) ?? w.yMax;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, ws]) => ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' '));
}

describe('the preview a campaigner edits with', () => {
  it('breaks the A5 flyer’s lines exactly where its PDF, read back by poppler, does', async () => {
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    const design = designSchema.parse(findTemplate('a5-flyer')!.design);
    const layout = layoutDesign(design, new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]));
    const pdf = await renderPdf({ layout, title: design.title, images: new Map([[SAMPLE_PHOTO_ID, fs.readFileSync(SAMPLE_PHOTO_PATH)]]), fonts: new FontCache() });
    const front = design.pages[0]!.elements;
    let compared = 0;
    for (const id of ['headline', 'body', 'vote']) {
      const element = front.find((e) => e.id === id)!;
      const inPreview = await previewLines(id);
      expect(inPreview.length).toBeGreaterThan(0);
      expect(pdfLines(pdf.data, 0, element.box, layout.geometry.bleed)).toEqual(inPreview);
      compared += inPreview.length;
    }
    expect(compared).toBeGreaterThan(10);
  });
});
