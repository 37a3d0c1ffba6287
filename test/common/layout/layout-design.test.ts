import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import type { TextLineItem } from '../../../common/layout/draw-items';
import { findTemplate } from '../../../common/templates/templates';

const poster = findTemplate('a4-poster')!.design;

function layout(elements: DesignInput['pages'][number]['elements'], imprint = poster.imprint) {
  return layoutDesign(designSchema.parse({ ...poster, imprint, pages: [{ elements }] }));
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
});
