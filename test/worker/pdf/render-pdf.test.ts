import sharp from 'sharp';
import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { mmToPt } from '../../../common/design/units';
import { ALL_FONTS, FONT_TABLES } from '../../../common/layout/font-tables';
import { layoutDesign } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID } from '../../../common/templates/sample-photo';
import { findTemplate } from '../../../common/templates/templates';
import { FontCache } from '../../../worker/pdf/font-cache';
import { renderPdf } from '../../../worker/pdf/render-pdf';
import { readPdf, readWordBoxes } from '../../support/read-pdf';

const fonts = new FontCache();

async function render(input: DesignInput, images = new Map<string, Buffer>()) {
  const design = designSchema.parse(input);
  const infos = new Map<string, { width: number; height: number }>();
  for (const [id, data] of images) {
    const m = await sharp(data).metadata();
    infos.set(id, { width: m.width!, height: m.height! });
  }
  const layout = layoutDesign(design, infos);
  expect(layout.errors).toEqual([]);
  const pdf = await renderPdf({ layout, title: design.title, images, fonts });
  return { pdf, facts: await readPdf(pdf.data) };
}

const a5 = findTemplate('a5-flyer')!.design;

describe('renderPdf', () => {
  let photo: Buffer;
  beforeAll(async () => {
    photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
  });

  describe('when rendering the A5 two-sided flyer', () => {
    let result: Awaited<ReturnType<typeof render>>;
    beforeAll(async () => {
      result = await render(a5, new Map([[SAMPLE_PHOTO_ID, photo]]));
    });

    it('has two pages of A5 plus 3 mm bleed, with TrimBox and BleedBox', () => {
      const [w, h] = [mmToPt(148), mmToPt(210)];
      const b = mmToPt(3);
      expect(result.facts.pages).toHaveLength(2);
      for (const page of result.facts.pages) {
        expect(page.mediaBox[2]).toBeCloseTo(w + 2 * b, 1);
        expect(page.mediaBox[3]).toBeCloseTo(h + 2 * b, 1);
        expect(page.trimBox).toEqual([b, b, w + b, h + b].map((v) => expect.closeTo(v, 1)));
        expect(page.bleedBox).toEqual([0, 0, w + 2 * b, h + 2 * b].map((v) => expect.closeTo(v, 1)));
      }
    });

    it('contains the headline, the Welsh words and the imprint as text', () => {
      const text = result.facts.text.replace(/\s+/g, ' ');
      expect(text).toContain('A bus every ten minutes');
      expect(text).toContain('Mae pob tŷ yn cyfrif');
      expect(text).toContain('dŵr glân');
      expect(text).toContain('Printed by Example Print Co-operative');
    });

    it('embeds subsets of the fonts', () => {
      expect(result.facts.fonts.length).toBeGreaterThanOrEqual(2);
      for (const f of result.facts.fonts) expect(f).toMatchObject({ embedded: true, subset: true });
      expect(result.facts.fonts.map((f) => f.name).join(' ')).toMatch(/DejaVuSans/);
    });

    it('carries the title and no author in its metadata', () => {
      expect(result.facts.info.Title).toBe('A5 flyer');
      expect(result.facts.info.Author).toBeUndefined();
    });
  });

  it('renders Polish, Greek and Cyrillic text as text, not boxes', async () => {
    const words = 'Zażółć gęślą jaźń. Καλημέρα κόσμε. Привіт, світе. Ŵ ŷ ẁ ỳ.';
    const design: DesignInput = {
      ...findTemplate('a4-poster')!.design,
      pages: [{ elements: [{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 60 }, text: words, fontSize: 20 }] }],
    };
    const { facts } = await render(design);
    expect(facts.text.replace(/\s+/g, ' ')).toContain(words);
  });

  it('draws crop marks outside the bleed when asked, growing the page', async () => {
    const { facts } = await render({ ...findTemplate('a6-postcard')!.design, cropMarks: true });
    const page = facts.pages[0]!;
    expect(page.mediaBox[2]! - page.bleedBox![2]!).toBeGreaterThan(mmToPt(5));
    expect(page.trimBox![2]! - page.trimBox![0]!).toBeCloseTo(mmToPt(148), 1);
  });
});

describe('FontCache', () => {
  const { TextMeasurer } = jest.requireActual('../../../common/layout/font-metrics') as typeof import('../../../common/layout/font-metrics');
  const measurer = new TextMeasurer();

  it('makes pdfkit measure text exactly as the layout engine does (kerning and ligatures included)', () => {
    const PDFDocument = jest.requireActual('pdfkit') as typeof import('pdfkit');
    const doc = new PDFDocument({ autoFirstPage: false });
    fonts.install(doc);
    for (const text of ['AVATAR To Wa fi ffl', 'Mae pob tŷ yn cyfrif, dŵr glân', 'Καλημέρα Привіт Zażółć']) {
      for (const { face, weight, key } of ALL_FONTS) {
        expect(doc.font(key, 12).widthOfString(text)).toBeCloseTo(measurer.width(text, face, weight, 12), 6);
      }
    }
  });

  describe('when a headline has kerning pairs', () => {
    const headline = 'AVATAR WAVE Ty';
    const size = 40;
    /** The width the glyphs would take without kerning: their advance widths summed, in points. */
    const unkerned = () => {
      const run = measurer.shape(headline, 'sans', 'bold');
      const tables = FONT_TABLES['sans-bold'];
      return (run.glyphs.reduce((sum, g) => sum + tables.advances[g]!, 0) * size) / tables.unitsPerEm;
    };

    it('measures it narrower than its advance widths summed', () => {
      expect(measurer.width(headline, 'sans', 'bold', size)).toBeLessThan(unkerned() - 5);
    });

    it('prints it as narrow as the layout measured', async () => {
      const { pdf } = await render({
        ...findTemplate('a4-poster')!.design,
        pages: [{ elements: [{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 40 }, text: headline, fontSize: size }] }],
      });
      const words = readWordBoxes(pdf.data).filter((w) => w.page === 0 && headline.split(' ').includes(w.text));
      expect(words.map((w) => w.text)).toEqual(headline.split(' '));
      const printed = Math.max(...words.map((w) => w.xMax)) - Math.min(...words.map((w) => w.xMin));
      expect(printed).toBeCloseTo(measurer.width(headline, 'sans', 'bold', size), 0);
      expect(printed).toBeLessThan(unkerned() - 5);
    });
  });

  it('prints the text after a character the font lacks where the layout put it', async () => {
    const text = 'A\u4e2d\u4e2d\u4e2dB';
    const { pdf } = await render({
      ...findTemplate('a4-poster')!.design,
      pages: [{ elements: [{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 40 }, text, fontSize: 20 }] }],
    });
    // poppler reads the letters either side of the missing glyphs as two words, A and B.
    const words = readWordBoxes(pdf.data).filter((w) => w.page === 0);
    const a = words.find((w) => w.text === 'A')!;
    const b = words.find((w) => w.text === 'B')!;
    // From A's left edge to B's right: as wide as the layout measured the line, missing glyphs included.
    expect(b.xMax - a.xMin).toBeCloseTo(measurer.width(text, 'sans', 'bold', 20), 0);
  });

  describe('names each embedded subset after the glyphs it holds', () => {
    const poster = (text: string, font: 'sans' | 'serif' = 'sans'): DesignInput => ({
      ...findTemplate('a4-poster')!.design,
      pages: [{ elements: [{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 40 }, text, fontSize: 20, font }] }],
    });
    const tags = async (design: DesignInput) => (await render(design)).facts.fonts.map((f) => f.name);
    const tagOf = (names: string[], postscript: string) => names.find((n) => n.endsWith(`+${postscript}`))?.split('+')[0];

    it('gives the same tag for the same glyphs and another for other glyphs', async () => {
      const [a, again, other] = await Promise.all([tags(poster('Vote Amina')), tags(poster('Vote Amina')), tags(poster('Vote Bronwen'))]);
      expect(tagOf(a, 'DejaVuSans-Bold')).toMatch(/^[A-Z]{6}$/);
      expect(tagOf(again, 'DejaVuSans-Bold')).toBe(tagOf(a, 'DejaVuSans-Bold'));
      expect(tagOf(other, 'DejaVuSans-Bold')).not.toBe(tagOf(a, 'DejaVuSans-Bold'));
    });

    it('gives the same glyphs met in another order (another font program) another tag', async () => {
      const [ab, ba] = await Promise.all([tags(poster('Vote now')), tags(poster('now Vote'))]);
      expect(tagOf(ba, 'DejaVuSans-Bold')).not.toBe(tagOf(ab, 'DejaVuSans-Bold'));
    });

    it('gives every subset in one PDF its own tag', async () => {
      const names = await tags(poster('Vote Amina', 'serif'));
      expect(names.length).toBeGreaterThanOrEqual(2);
      const all = names.map((n) => n.split('+')[0]);
      expect(new Set(all).size).toBe(all.length);
      expect(all).not.toContain('BZZZZZ');
    });
  });
});
