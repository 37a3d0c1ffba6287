import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import type { ImageItem, TextLineItem } from '../../../common/layout/draw-items';
import { findTemplate } from '../../../common/templates/templates';

const poster = findTemplate('a4-poster')!.design;

function layout(elements: DesignInput['pages'][number]['elements'], imprint = poster.imprint, assets = new Map<string, { width: number; height: number }>()) {
  return layoutDesign(designSchema.parse({ ...poster, imprint, pages: [{ elements }] }), assets);
}

const heading = (text: string, extra: object = {}) => ({ id: 'h', kind: 'heading' as const, box: { x: 10, y: 10, width: 190, height: 40 }, text, fontSize: 20, ...extra });

describe('layoutDesign', () => {
  describe('typefaces', () => {
    it('sets text in DejaVu Sans when a design names no typeface (designs saved before there was a choice)', () => {
      const line = layout([heading('Vote')]).pages[0]!.items.find((i): i is TextLineItem => i.type === 'text' && i.elementId === 'h')!;
      expect(line.font).toBe('sans');
    });

    it('sets each element in its own typeface, with that face’s widths', () => {
      const widths = (['sans', 'serif', 'condensed'] as const).map((font) => {
        const line = layout([heading('Vote for Amina', { font })]).pages[0]!.items.find((i): i is TextLineItem => i.type === 'text' && i.elementId === 'h')!;
        expect(line.font).toBe(font);
        return line.width;
      });
      expect(new Set(widths).size).toBe(3);
      expect(widths[2]).toBeLessThan(widths[0]!);
    });
  });

  describe('right-to-left text', () => {
    it('is an unsupported-script error naming the heading, the paragraph, the list item and the imprint field', () => {
      const { errors } = layout(
        [
          heading('שלום'),
          { id: 't', kind: 'text', box: { x: 10, y: 60, width: 190, height: 80 }, fontSize: 10, blocks: [{ type: 'paragraph', text: 'Hello' }, { type: 'bullets', items: ['one', 'مرحبا'] }] },
        ],
        { ...poster.imprint, promoter: { name: 'ܫܠܡܐ', address: '1 Example Street' } },
      );
      expect(errors.filter((e) => e.code === 'unsupported-script').map((e) => e.path)).toEqual([
        ['imprint', 'promoter', 'name'],
        ['pages', 0, 'elements', 0, 'text'],
        ['pages', 0, 'elements', 1, 'blocks', 1, 'items', 1],
      ]);
      expect(errors[0]!.message).toMatch(/^right-to-left text \(Hebrew, Arabic\) cannot be printed yet/);
    });

    it('includes Thaana, N’Ko and presentation forms, but not Greek, Cyrillic or Welsh', () => {
      for (const text of ['ދިވެހި', 'ߒߞߏ', 'ﻻ', 'ﬡ']) expect(layout([heading(text)]).errors.map((e) => e.code)).toEqual(['unsupported-script']);
      expect(layout([heading('Γεια σας, Привіт, ŵyn')]).errors).toEqual([]);
    });
  });

  describe('a picture\'s position in its box', () => {
    // A 3000 x 1000 px picture in a 100 x 100 mm box (away from the trim, so no bleed): cover scales it to
    // 300 x 100 mm, 200 mm of spare width; contain to 100 x 33.33 mm, 66.67 mm of spare height.
    const asset = 'c'.repeat(64);
    const placed = (fit: 'cover' | 'contain', position?: { x: number; y: number }) =>
      layout([{ id: 'p', kind: 'image', box: { x: 50, y: 50, width: 100, height: 100 }, assetId: asset, fit, ...(position ? { position } : {}) }], poster.imprint, new Map([[asset, { width: 3000, height: 1000 }]]))
        .pages[0]!.items.find((i): i is ImageItem => i.type === 'image')!.placement;

    it('is centred when the design says nothing (designs saved before it could be chosen)', () => {
      expect(placed('cover')).toEqual({ x: -50, y: 50, width: 300, height: 100 });
    });

    it('shows the left, the right or any part between of a cropped picture', () => {
      expect(placed('cover', { x: 0, y: 50 }).x).toBe(50);
      expect(placed('cover', { x: 100, y: 50 }).x).toBe(-150);
      expect(placed('cover', { x: 25, y: 0 })).toEqual({ x: 0, y: 50, width: 300, height: 100 });
    });

    it('places a whole picture at the top or the bottom of the space it leaves', () => {
      expect(placed('contain', { x: 50, y: 0 }).y).toBe(50);
      expect(placed('contain', { x: 50, y: 100 }).y).toBeCloseTo(150 - 100 / 3, 10);
    });

    it('must be percent from 0 to 100', () => {
      const result = designSchema.safeParse({ ...poster, pages: [{ elements: [{ id: 'p', kind: 'image', box: { x: 0, y: 0, width: 10, height: 10 }, assetId: asset, position: { x: 120, y: -1 } }] }] });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['pages.0.elements.0.position.x', 'must be 0 to 100 (percent)'],
        ['pages.0.elements.0.position.y', 'must be 0 to 100 (percent)'],
      ]);
    });
  });
});
