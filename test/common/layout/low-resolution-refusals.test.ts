import { designSchema, type DesignInput } from '../../../common/design/design-schema';
import { layoutDesign, MIN_PRINT_DPI, REFUSE_BELOW_DPI } from '../../../common/layout/layout-design';
import { lowResolutionRefusals } from '../../../common/layout/low-resolution-refusals';
import { findTemplate } from '../../../common/templates/templates';

const PHOTO = 'c'.repeat(64);

/** The A6 postcard with a one-inch square photo, away from the trim edges, as its third element. */
function postcardWithPhoto(): DesignInput {
  const design = structuredClone(findTemplate('a6-postcard')!.design) as DesignInput;
  design.pages[0]!.elements.splice(2, 0, { id: 'photo', kind: 'image', box: { x: 60, y: 40, width: 25.4, height: 25.4 }, assetId: PHOTO, fit: 'cover' });
  return design;
}

function layoutWith(side: number) {
  const design = designSchema.parse(postcardWithPhoto());
  return { design, layout: layoutDesign(design, new Map([[PHOTO, { width: side, height: side }]])) };
}

describe('effective resolution of an image', () => {
  it(`is not mentioned at ${MIN_PRINT_DPI} ppi or more`, () => {
    expect(layoutWith(MIN_PRINT_DPI).layout.warnings).toEqual([]);
  });

  it(`is a warning with its ppi below ${MIN_PRINT_DPI}`, () => {
    expect(layoutWith(299).layout.warnings).toEqual([{ code: 'low-resolution-image', page: 0, elementId: 'photo', ppi: 299, message: expect.stringContaining('299 ppi') }]);
  });

  it('is reported as the whole ppi it is, whatever float error the layout makes', () => {
    for (let side = 20; side < MIN_PRINT_DPI; side++) expect(layoutWith(side).layout.warnings[0]?.ppi).toBe(side);
  });

  it(`is not refused at ${REFUSE_BELOW_DPI} ppi`, () => {
    const { design, layout } = layoutWith(REFUSE_BELOW_DPI);
    expect(lowResolutionRefusals(design, layout.warnings)).toEqual([]);
  });

  it(`is refused below ${REFUSE_BELOW_DPI} ppi, naming the asset field, the ppi and the minimum`, () => {
    const { design, layout } = layoutWith(REFUSE_BELOW_DPI - 1);
    expect(lowResolutionRefusals(design, layout.warnings)).toEqual([
      { path: ['pages', 0, 'elements', 2, 'assetId'], page: 0, elementId: 'photo', ppi: 149, message: expect.stringMatching(/149 ppi, below the 150 ppi minimum/) },
    ]);
  });
});

describe('lowResolutionRefusals, given warnings directly', () => {
  const design = designSchema.parse(postcardWithPhoto());
  const warning = (extra: object) => ({ code: 'low-resolution-image' as const, page: 0, elementId: 'photo', message: 'm', ppi: 100, ...extra });

  it('refuses the first element of a page too, naming it by its place', () => {
    const first = design.pages[0]!.elements[0]!.id;
    expect(lowResolutionRefusals(design, [warning({ elementId: first })]).map((r) => r.path)).toEqual([['pages', 0, 'elements', 0, 'assetId']]);
  });

  it('ignores other warnings, a warning without a ppi, and an element that is not on the page', () => {
    expect(lowResolutionRefusals(design, [{ code: 'ink-coverage', page: 0, elementId: 'photo', message: 'm' }])).toEqual([]);
    expect(lowResolutionRefusals(design, [warning({ ppi: undefined })])).toEqual([]);
    expect(lowResolutionRefusals(design, [warning({ elementId: 'nowhere' })])).toEqual([]);
    expect(lowResolutionRefusals(design, [warning({ page: 5 })])).toEqual([]);
  });
});
