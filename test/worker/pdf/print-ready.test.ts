import fs from 'node:fs';
import sharp from 'sharp';
import { designSchema } from '../../../common/design/design-schema';
import { mmToPt } from '../../../common/design/units';
import { layoutDesign } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID } from '../../../common/templates/sample-photo';
import { TEMPLATES } from '../../../common/templates/templates';
import { SAMPLE_PHOTO_PATH } from '../../../server/assets/sample-assets';
import { FontCache } from '../../../worker/pdf/font-cache';
import { renderPdf } from '../../../worker/pdf/render-pdf';
import { preflightPdf, separations, type PreflightReport, type SeparationReport } from '../../support/preflight';

/**
 * What a print shop's preflight would check, on every built-in template's PDF, read back with qpdf and
 * Ghostscript (test/support/preflight), not taken from what the renderer meant to write.
 */
const fonts = new FontCache();
const photo = fs.readFileSync(SAMPLE_PHOTO_PATH);

async function renderTemplate(id: string) {
  const template = TEMPLATES.find((t) => t.id === id)!;
  const design = designSchema.parse(template.design);
  const meta = await sharp(photo).metadata();
  const layout = layoutDesign(design, new Map([[SAMPLE_PHOTO_ID, { width: meta.width!, height: meta.height! }]]));
  const pdf = await renderPdf({ layout, title: design.title, images: new Map([[SAMPLE_PHOTO_ID, photo]]), fonts });
  return { design, layout, pdf };
}

describe.each(TEMPLATES.map((t) => t.id))('the PDF of template %s', (id) => {
  let rendered: Awaited<ReturnType<typeof renderTemplate>>;
  let report: PreflightReport;
  let plates: SeparationReport;
  beforeAll(async () => {
    rendered = await renderTemplate(id);
    report = await preflightPdf(rendered.pdf.data);
    plates = await separations(rendered.pdf.data, { resolution: 72 });
  });

  it('is PDF/X-4 with a CMYK output intent whose profile is embedded', () => {
    expect(report.info.gtsPdfxVersion).toBe('PDF/X-4');
    expect(report.metadata.pdfxVersion).toBe('PDF/X-4');
    expect(report.info.trapped).toBe('False');
    expect(report.info.title).toBe(rendered.design.title);
    expect(report.info.creationDate).toBeTruthy();
    expect(report.info.modDate).toBeTruthy();
    expect(report.info.author ?? null).toBeNull();
    expect(report.documentId).not.toBeNull();
    expect(report.outputIntents).toHaveLength(1);
    const intent = report.outputIntents[0]!;
    expect(intent).toMatchObject({ subtype: 'GTS_PDFX', outputConditionIdentifier: 'FOGRA39', profileComponents: 4 });
    expect(intent.profile).toMatchObject({ colourSpace: 'CMYK', profileClass: 'prtr' });
  });

  it('has a TrimBox inside a BleedBox inside the MediaBox on every page', () => {
    for (const page of report.pages) {
      expect(page.trimBox).not.toBeNull();
      expect(page.bleedBox).not.toBeNull();
      expect(page.bleedWithinMedia).toBe(true);
      expect(page.trimWithinBleed).toBe(true);
    }
  });

  it('uses no RGB anywhere: not in the page content, not in images', () => {
    expect(report.rgbUses).toEqual([]);
    for (const image of report.images) expect(image.colourSpace).toMatchObject({ cmyk: true, rgb: false });
  });

  it('embeds every font as a subset with a tag of its own', () => {
    expect(report.fonts.length).toBeGreaterThan(0);
    for (const font of report.fonts.filter((f) => f.subtype !== 'Type0')) expect(font).toMatchObject({ embedded: true });
    expect(report.subsetTagsDistinct).toBe(true);
  });

  it('prints black text with black ink only, overprinting', () => {
    expect(report.blackTextNotKOnly).toEqual([]);
    expect(report.blackTextWithoutOverprint).toEqual([]);
  });

  it('stays within 300 % total ink on every plate set, photos included', () => {
    for (const page of plates.pages) expect(page.maxTotalCoverage).toBeLessThanOrEqual(300.5);
    expect(report.maxVectorCoverage).toBeLessThanOrEqual(300);
  });

  it('is tagged, in the design language, with each picture described', async () => {
    const text = rendered.pdf.data.toString('latin1');
    expect(text).toContain('/StructTreeRoot');
    expect(text).toMatch(/\/Lang \(en-GB\)/);
    for (const page of rendered.layout.pages)
      for (const item of page.items) if (item.type === 'image' && item.alt) expect(text).toContain(`/Alt (${item.alt})`);
  });
});

describe('the separations of the A5 flyer', () => {
  it('put the black body text on the black plate only', async () => {
    const { pdf, layout } = await renderTemplate('a5-flyer');
    const plates = await separations(pdf.data, { resolution: 100 });
    const body = layout.pages[0]!.items.filter((i) => i.type === 'text' && i.elementId === 'body');
    expect(body.length).toBeGreaterThan(5);
    const o = layout.geometry.bleed + layout.geometry.slug;
    const top = Math.min(...body.map((l) => (l.type === 'text' ? l.baseline - 3 : 0)));
    const bottom = Math.max(...body.map((l) => (l.type === 'text' ? l.baseline : 0)));
    const ink = plates.inkAt(0, mmToPt(8 + o), mmToPt(top + o), mmToPt(132), mmToPt(bottom - top));
    expect(ink.Black).toBeGreaterThan(90);
    expect([ink.Cyan, ink.Magenta, ink.Yellow]).toEqual([0, 0, 0]);
  });
});

describe('rendering the same design twice', () => {
  it('gives byte-identical PDFs', async () => {
    const first = await renderTemplate('a4-newsletter');
    const second = await renderTemplate('a4-newsletter');
    expect(second.pdf.data.equals(first.pdf.data)).toBe(true);
  });
});
