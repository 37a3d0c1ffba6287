import type { PrintSettings } from '../../../common/colour/print-settings';
import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import type { DrawItem } from '../../../common/layout/draw-items';
import { findTemplate } from '../../../common/templates/templates';

const base = findTemplate('a4-poster')!.design;

function layout(elements: NonNullable<DesignInput['pages']>[number]['elements'], background?: string, print?: PrintSettings) {
  const design = designSchema.parse({ ...base, pages: [{ background, elements }] });
  return layoutDesign(design, new Map(), { print });
}

const of = (items: DrawItem[], id: string) => items.filter((i) => 'elementId' in i && i.elementId === id);

describe('turning colours into inks', () => {
  it('prints black text with black ink only, overprinting, whatever black it was given', () => {
    const { pages } = layout([
      { id: 'hex', kind: 'heading', box: { x: 10, y: 10, width: 190, height: 20 }, text: 'Typed as #000000', fontSize: 20, colour: '#000000' },
      { id: 'rich', kind: 'heading', box: { x: 10, y: 40, width: 190, height: 20 }, text: 'Rich black', fontSize: 20, colour: 'cmyk(60, 40, 40, 100)' },
    ]);
    for (const item of [...of(pages[0]!.items, 'hex'), ...of(pages[0]!.items, 'rich')]) expect(item).toMatchObject({ colour: 'cmyk(0, 0, 0, 100)', overprint: true });
  });

  it('prints large black areas in the rich black, and thin black rules with black ink only', () => {
    const { pages } = layout([
      { id: 'panel', kind: 'shape', box: { x: 10, y: 10, width: 100, height: 40 }, fill: '#000000' },
      { id: 'rule', kind: 'shape', box: { x: 10, y: 60, width: 190, height: 1 }, fill: 'cmyk(0, 0, 0, 100)' },
    ]);
    expect(of(pages[0]!.items, 'panel')[0]).toMatchObject({ fill: 'cmyk(60, 40, 40, 100)', overprint: false });
    expect(of(pages[0]!.items, 'rule')[0]).toMatchObject({ fill: 'cmyk(0, 0, 0, 100)', overprint: true });
  });

  it('keeps large black areas black ink only when no rich black is configured', () => {
    const { pages } = layout([{ id: 'panel', kind: 'shape', box: { x: 10, y: 10, width: 100, height: 40 }, fill: '#000000' }], undefined, { richBlack: null, maxInkCoverage: 300 });
    expect(of(pages[0]!.items, 'panel')[0]).toMatchObject({ fill: 'cmyk(0, 0, 0, 100)' });
  });

  it('warns, naming the element, when a colour has more ink than the limit', () => {
    const { warnings } = layout([{ id: 'mud', kind: 'shape', box: { x: 10, y: 10, width: 100, height: 40 }, fill: 'cmyk(100, 100, 100, 90)' }], 'cmyk(100, 100, 100, 20)');
    expect(warnings.filter((w) => w.code === 'ink-coverage').map((w) => w.elementId).sort()).toEqual(['background', 'mud']);
    expect(warnings.find((w) => w.elementId === 'mud')!.message).toMatch(/390 %.*300 %/);
  });

  it('converts a typed sRGB colour once, when the design is parsed', () => {
    const design = designSchema.parse({ ...base, pages: [{ background: '#c8102e', elements: [] }] });
    expect(design.pages[0]!.background).toMatch(/^cmyk\(0, 9\d, 7\d, 1\d\)$/);
  });
});
