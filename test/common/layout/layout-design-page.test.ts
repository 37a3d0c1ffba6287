import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import type { EllipseItem, ImageItem, QrItem, RectItem, TextLineItem } from '../../../common/layout/draw-items';
import { layoutDesign } from '../../../common/layout/layout-design';
import { findTemplate } from '../../../common/templates/templates';

// Direct tests of what layoutDesign makes of each kind of element and of a page, worked out by hand for
// an A4 portrait page (210 x 297 mm trim, 3 mm bleed, 5 mm safe margin). Line breaking and shrinking have
// their own tests (break-lines.test.ts, layout-text.test.ts).

const poster = findTemplate('a4-poster')!.design;
type Elements = DesignInput['pages'][number]['elements'];
type PageInput = DesignInput['pages'][number];

const imprint = {
  printer: { name: 'Riverside Press', address: '5 New Street, Riverside RV1 1AA' },
  promoter: { name: 'Jo Evans', address: '12 High Street, Riverside RV1 2BB' },
};
const placedImprint = { id: 'imp', kind: 'imprint' as const, box: { x: 10, y: 270, width: 190, height: 20 } };

function laidOut(pages: PageInput[], extra: Partial<DesignInput> = {}, assets = new Map<string, { width: number; height: number }>()) {
  return layoutDesign(designSchema.parse({ ...poster, format: { size: 'A4', orientation: 'portrait' }, cropMarks: false, imprint, pages, ...extra }), assets);
}
/** One page with these elements and a placed imprint (so no imprint is added). */
const page = (elements: Elements, extra: Partial<DesignInput> = {}, assets?: Map<string, { width: number; height: number }>) =>
  laidOut([{ elements: [...elements, placedImprint] }], extra, assets);
const itemOf = <T>(elements: Elements, id: string) => page(elements).pages[0]!.items.find((i) => 'elementId' in i && i.elementId === id) as T;
const linesOf = (items: ReadonlyArray<{ type: string }>, id: string) => items.filter((i): i is TextLineItem => i.type === 'text' && (i as TextLineItem).elementId === id);

const MAGENTA = 'cmyk(0, 100, 0, 0)';
const shape = (id: string, box: { x: number; y: number; width: number; height: number }, extra: object = {}) => ({ id, kind: 'shape' as const, box, fill: MAGENTA, ...extra });

describe('layoutDesign, page by page', () => {
  describe('a shape', () => {
    it('is a rect with its fill and corner radius where its box is, when the box is away from the trim', () => {
      expect(itemOf<RectItem>([shape('r', { x: 20, y: 30, width: 40, height: 50 }, { cornerRadius: 4 })], 'r')).toMatchObject({ type: 'rect', x: 20, y: 30, width: 40, height: 50, fill: MAGENTA, radius: 4 });
    });

    it('is an ellipse, without a corner radius, when the design says so', () => {
      const ellipse = itemOf<EllipseItem>([shape('e', { x: 20, y: 30, width: 40, height: 50 }, { shape: 'ellipse' })], 'e');
      expect(ellipse).toMatchObject({ type: 'ellipse', x: 20, y: 30, width: 40, height: 50, fill: MAGENTA });
      expect(ellipse).not.toHaveProperty('radius');
    });

    it('reaches 3 mm into the bleed on each side where it touches the trim', () => {
      expect(itemOf<RectItem>([shape('all', { x: 0, y: 0, width: 210, height: 297 })], 'all')).toMatchObject({ x: -3, y: -3, width: 216, height: 303 });
      expect(itemOf<RectItem>([shape('left', { x: 0, y: 30, width: 50, height: 50 })], 'left')).toMatchObject({ x: -3, y: 30, width: 53, height: 50 });
      expect(itemOf<RectItem>([shape('top', { x: 30, y: 0, width: 50, height: 50 })], 'top')).toMatchObject({ x: 30, y: -3, width: 50, height: 53 });
      expect(itemOf<RectItem>([shape('corner', { x: 160, y: 247, width: 50, height: 50 })], 'corner')).toMatchObject({ x: 160, y: 247, width: 53, height: 53 });
    });

    it('counts a box within 0.01 mm of the trim as touching it, and one 0.1 mm away as not', () => {
      // Right and bottom edges at 209.995 and 296.995 mm (0.005 mm short of the trim).
      const near = itemOf<RectItem>([shape('near', { x: 0.01, y: 0.01, width: 209.985, height: 296.985 })], 'near');
      expect(near.x).toBeCloseTo(-3, 9);
      expect(near.y).toBeCloseTo(-3, 9);
      expect(near.x + near.width).toBeCloseTo(213, 9);
      expect(near.y + near.height).toBeCloseTo(300, 9);
      expect(itemOf<RectItem>([shape('away', { x: 0.1, y: 0.1, width: 209.8, height: 296.8 })], 'away')).toMatchObject({ x: 0.1, y: 0.1, width: 209.8, height: 296.8 });
    });
  });

  describe('a page background', () => {
    it('is a rect under everything else covering the trim and the bleed, with no element id', () => {
      const { items } = laidOut([{ background: MAGENTA, elements: [shape('r', { x: 20, y: 30, width: 40, height: 50 }), placedImprint] }]).pages[0]!;
      expect(items[0]).toEqual({ type: 'rect', x: -3, y: -3, width: 216, height: 303, fill: MAGENTA, radius: 0, overprint: false });
      expect(items[1]).toMatchObject({ elementId: 'r' });
    });

    it('is not drawn when the page has none', () => {
      expect(page([shape('r', { x: 20, y: 30, width: 40, height: 50 })]).pages[0]!.items[0]).toMatchObject({ elementId: 'r' });
    });
  });

  describe('the page geometry', () => {
    it('has 3 mm of bleed, and 8 mm of room beyond it for crop marks only when they are asked for', () => {
      expect(page([]).geometry).toEqual({ trim: { width: 210, height: 297 }, bleed: 3, slug: 0, cropMarks: false });
      expect(page([], { cropMarks: true }).geometry).toEqual({ trim: { width: 210, height: 297 }, bleed: 3, slug: 8, cropMarks: true });
    });

    it('turns the trim for landscape, and passes the design’s language on', () => {
      const design = laidOut([{ elements: [] }], { format: { size: 'A5', orientation: 'landscape' }, language: 'cy-GB' });
      expect(design.geometry.trim).toEqual({ width: 210, height: 148 });
      expect(design.language).toBe('cy-GB');
    });
  });

  describe('the imprint', () => {
    const sentence = 'Promoted by Jo Evans, 12 High Street, Riverside RV1 2BB. Printed by Riverside Press, 5 New Street, Riverside RV1 1AA.';
    const words = (lines: TextLineItem[]) => lines.map((l) => l.text).join(' ');

    it('is added at the foot of the last page, inside the safe area, at 6 pt, when the design does not place it', () => {
      const { pages } = laidOut([{ elements: [] }, { elements: [] }]);
      expect(linesOf(pages[0]!.items, 'imprint')).toEqual([]);
      const lines = linesOf(pages[1]!.items, 'imprint');
      expect(words(lines)).toBe(sentence);
      for (const line of lines) {
        expect(line).toMatchObject({ x: 5, fontSize: 6, font: 'sans', weight: 'regular' });
        // Its box: 10 mm tall, ending 5 mm above the bottom trim edge (282 to 292 mm).
        expect(line.baseline).toBeGreaterThan(282);
        expect(line.baseline).toBeLessThanOrEqual(292);
      }
      expect(pages[1]!.elements).toEqual([{ id: 'imprint', kind: 'imprint' }]);
    });

    it('shrinks to 4.5 pt at the least when it is added, and is an error naming the imprint when even that does not fit', () => {
      // Three 200-character addresses on an A6 page: about 650 characters for five 95 mm lines at 4.5 pt.
      const long = (name: string) => ({ name, address: 'Unit 4, '.repeat(23) + 'Riverside' });
      const a6 = { format: { size: 'A6' as const, orientation: 'portrait' as const } };
      const { pages, errors } = laidOut([{ elements: [] }], { ...a6, imprint: { printer: long('Riverside Press'), promoter: long('Jo Evans'), onBehalfOf: long('Riverside Party') } });
      expect(linesOf(pages[0]!.items, 'imprint')[0]!.fontSize).toBe(4.5);
      expect(errors).toEqual([
        { code: 'does-not-fit', path: ['imprint'], message: 'the imprint does not fit its box on page 1, even at 4.5 pt; make the box larger or the addresses shorter' },
      ]);
    });

    it('is white on a dark background and black on a light one when it is added', () => {
      const colour = (background: string) => linesOf(laidOut([{ background, elements: [] }]).pages[0]!.items, 'imprint')[0]!.colour;
      expect(colour('cmyk(0, 0, 0, 100)')).toBe('cmyk(0, 0, 0, 0)');
      expect(colour('cmyk(100, 90, 0, 30)')).toBe('cmyk(0, 0, 0, 0)');
      // A 70 % grey proofs at about rgb(115, 115, 114): light enough for black text.
      expect(colour('cmyk(0, 0, 0, 70)')).toBe('cmyk(0, 0, 0, 100)');
      expect(colour('cmyk(0, 0, 0, 20)')).toBe('cmyk(0, 0, 0, 100)');
    });

    it('is not added again when the design places it, on whichever page', () => {
      const { pages } = laidOut([{ elements: [placedImprint] }, { elements: [] }]);
      expect(words(linesOf(pages[0]!.items, 'imp'))).toBe(sentence);
      expect(linesOf(pages[1]!.items, 'imprint')).toEqual([]);
      expect(pages[1]!.elements).toEqual([]);
    });

    it('is set in the regular weight at 1.2 times its size from line to line where the design places it', () => {
      const narrow = { ...placedImprint, box: { x: 10, y: 200, width: 60, height: 60 }, fontSize: 10 };
      const lines = linesOf(laidOut([{ elements: [narrow] }]).pages[0]!.items, 'imp');
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.every((l) => l.weight === 'regular' && l.fontSize === 10)).toBe(true);
      // 1.2 x 10 pt = 12 pt = 4.2333 mm.
      expect(lines[1]!.baseline - lines[0]!.baseline).toBeCloseTo((12 * 25.4) / 72, 9);
    });

    it('does not shrink where the design places it without a smallest size, and says on which page it does not fit', () => {
      const tiny = { ...placedImprint, box: { x: 10, y: 200, width: 60, height: 5 }, fontSize: 8 };
      const { pages, errors } = laidOut([{ elements: [] }, { elements: [tiny] }]);
      expect(linesOf(pages[1]!.items, 'imp')[0]!.fontSize).toBe(8);
      expect(errors.map((e) => e.message)).toEqual(['the imprint does not fit its box on page 2, even at 8 pt; make the box larger or the addresses shorter']);
    });

    it('is refused when any name or address in it is right-to-left, the "on behalf of" party included', () => {
      const { errors } = page([], { imprint: { ...imprint, printer: { name: 'Riverside Press', address: 'רחוב 5' }, onBehalfOf: { name: 'حزب', address: '1 Example Street' } } });
      expect(errors.map((e) => [e.code, e.path])).toEqual([
        ['unsupported-script', ['imprint', 'printer', 'address']],
        ['unsupported-script', ['imprint', 'onBehalfOf', 'name']],
      ]);
      expect(errors[0]!.message).toMatch(/; remove it from the imprint$/);
    });
  });

  describe('text that does not fit', () => {
    it('is an error naming the heading’s text and the size it was tried at', () => {
      const { errors } = page([{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 50, height: 10 }, text: 'A heading far too long for its box', fontSize: 20 }]);
      expect(errors).toEqual([{ code: 'does-not-fit', path: ['pages', 0, 'elements', 0, 'text'], message: 'text of "h" does not fit its box, even at 20 pt; shorten it or make the box larger' }]);
    });

    it('is an error naming a text element’s blocks, after shrinking to its smallest size', () => {
      const text = { id: 't', kind: 'text' as const, box: { x: 10, y: 10, width: 50, height: 10 }, fontSize: 12, minFontSize: 8, blocks: [{ type: 'paragraph' as const, text: 'Far too many words for so small a box, even when shrunk. '.repeat(3) }] };
      const { errors } = page([shape('r', { x: 100, y: 100, width: 10, height: 10 }), text]);
      expect(errors).toEqual([{ code: 'does-not-fit', path: ['pages', 0, 'elements', 1, 'blocks'], message: 'text of "t" does not fit its box, even at 8 pt; shorten it or make the box larger' }]);
    });

    it('is no error when it fits', () => {
      expect(page([{ id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 30 }, text: 'Vote', fontSize: 20 }]).errors).toEqual([]);
    });
  });

  describe('preflight warnings', () => {
    const heading = (box: { x: number; y: number; width: number; height: number }, extra: object = {}) => ({ id: 'h', kind: 'heading' as const, box, text: 'Vote', fontSize: 10, lineHeight: 1, ...extra });
    const outside = (box: { x: number; y: number; width: number; height: number }, extra: object = {}) =>
      page([heading(box, extra)]).warnings.filter((w) => w.code === 'text-outside-safe-area');

    it('says when text starts within 5 mm of the left or top trim edge', () => {
      expect(outside({ x: 4, y: 50, width: 100, height: 20 })).toEqual([
        { code: 'text-outside-safe-area', page: 0, elementId: 'h', message: 'text of "h" reaches within 5 mm of the trim edge and may be cut off' },
      ]);
      expect(outside({ x: 10, y: 4, width: 100, height: 20 })).toHaveLength(1);
    });

    it('says when text ends within 5 mm of the right or bottom trim edge', () => {
      expect(outside({ x: 100, y: 50, width: 110, height: 20 }, { align: 'right' })).toHaveLength(1);
      // A 10 pt line at the top of a box 290 mm down: its baseline is below 292 mm.
      expect(outside({ x: 10, y: 290, width: 100, height: 5 })).toHaveLength(1);
    });

    it('says nothing for text inside the safe area', () => {
      expect(outside({ x: 10, y: 50, width: 100, height: 20 })).toEqual([]);
      expect(outside({ x: 10, y: 50, width: 195, height: 20 }, { align: 'right' })).toEqual([]);
    });

    it('says when the font has no glyph for a character, in a heading or a list item, and not for Welsh', () => {
      const missing = (elements: Elements) => page(elements).warnings.filter((w) => w.code === 'missing-glyphs');
      expect(missing([heading({ x: 10, y: 10, width: 190, height: 20 }, { text: 'Vote 漢' })])).toEqual([
        { code: 'missing-glyphs', page: 0, elementId: 'h', message: 'text of "h" has characters the font cannot draw; they will print as boxes' },
      ]);
      const list = { id: 't', kind: 'text' as const, box: { x: 10, y: 40, width: 190, height: 60 }, fontSize: 10, blocks: [{ type: 'paragraph' as const, text: 'Hello' }, { type: 'bullets' as const, items: ['one', '字'] }] };
      expect(missing([list]).map((w) => w.elementId)).toEqual(['t']);
      expect(missing([heading({ x: 10, y: 10, width: 190, height: 20 }, { text: 'Pleidleisiwch dros ŵyl y ddraig' })])).toEqual([]);
    });

    it('says when a picture’s file is not available, and still places the picture in its box', () => {
      const asset = 'd'.repeat(64);
      const design = page([{ id: 'p', kind: 'image', box: { x: 20, y: 20, width: 60, height: 40 }, assetId: asset, alt: 'Jo' }]);
      expect(design.warnings).toEqual([{ code: 'unknown-image', page: 0, elementId: 'p', message: 'image "p" refers to an asset that is not available' }]);
      const image = design.pages[0]!.items.find((i): i is ImageItem => i.type === 'image')!;
      expect(image).toEqual({ type: 'image', elementId: 'p', assetId: asset, alt: 'Jo', clip: { x: 20, y: 20, width: 60, height: 40 }, placement: { x: 20, y: 20, width: 60, height: 40 } });
    });

    it('clips a picture touching the trim to its box and the bleed beyond', () => {
      const asset = 'e'.repeat(64);
      const image = page([{ id: 'p', kind: 'image', box: { x: 0, y: 0, width: 105, height: 100 }, assetId: asset }], {}, new Map([[asset, { width: 5000, height: 5000 }]]))
        .pages[0]!.items.find((i): i is ImageItem => i.type === 'image')!;
      expect(image.clip).toEqual({ x: -3, y: -3, width: 108, height: 103 });
      // Cover: scaled to the clip's longer side, 108 mm, centred in it.
      expect(image.placement).toEqual({ x: -3, y: -5.5, width: 108, height: 108 });
    });
  });

  describe('a QR code', () => {
    it('is a square in the shorter side of its box, with the four-module quiet zone inside the box', () => {
      // https://example.org is 19 bytes: QR version 2 at error correction M, 25 modules a side; with the
      // quiet zone 33 modules share the 40 mm.
      const qr = itemOf<QrItem>([{ id: 'q', kind: 'qr', box: { x: 20, y: 30, width: 60, height: 40 }, url: 'https://example.org' }], 'q');
      expect(qr.modules).toBe(25);
      expect(qr.moduleSize).toBeCloseTo(40 / 33, 9);
      expect(qr.x).toBeCloseTo(20 + 160 / 33, 9);
      expect(qr.y).toBeCloseTo(30 + 160 / 33, 9);
      expect(qr.width).toBeCloseTo(1000 / 33, 9);
      expect(qr.height).toBeCloseTo(1000 / 33, 9);
      expect(qr.runs.length).toBeGreaterThan(0);
    });
  });

  describe('the reading order', () => {
    it('lists the elements in the design’s order, with a picture’s description and a QR code’s address', () => {
      const asset = 'f'.repeat(64);
      const design = page([
        { id: 'h', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 30 }, text: 'Vote', fontSize: 20 },
        { id: 'p', kind: 'image', box: { x: 10, y: 50, width: 60, height: 40 }, assetId: asset, alt: 'Jo at the market' },
        { id: 'q', kind: 'qr', box: { x: 100, y: 50, width: 40, height: 40 }, url: 'https://example.org' },
        shape('s', { x: 150, y: 50, width: 20, height: 20 }),
      ]);
      expect(design.pages[0]!.elements).toEqual([
        { id: 'h', kind: 'heading' },
        { id: 'p', kind: 'image', alt: 'Jo at the market' },
        { id: 'q', kind: 'qr', alt: 'QR code: https://example.org' },
        { id: 's', kind: 'shape' },
        { id: 'imp', kind: 'imprint' },
      ]);
    });
  });
});
