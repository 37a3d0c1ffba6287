import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { findTemplate } from '../../../common/templates/templates';
import { applyVariant } from '../../../common/variants/apply-variant';
import { checkVariants } from '../../../common/variants/check-variants';
import type { VariantField, VariantRow } from '../../../common/variants/variant-table';

const master: Design = designSchema.parse(findTemplate('a5-flyer')!.design);
const assets = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);
/** The ward goes into the front's "Vote on ..." line, which may not shrink (no minFontSize): a long name cannot fit. */
const fields: VariantField[] = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'headline', label: 'Headline', page: 0, elementId: 'headline' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
const WARDS = ['Abbey', 'Brunswick', 'Castle', 'Dene', 'Eastfield', 'Fairfield', 'Grange', 'Harbour', 'Ings', 'Jubilee', 'Kingsway', 'Lowfield', 'Marsh', 'Newtown', 'Oakfield', 'Priory', 'Quayside', 'Riverside', 'St Mary', 'Townend'];
const row = (ward: string, extra: Partial<VariantRow> = {}): VariantRow => ({ ward: `Vote in ${ward} on 7 May`, headline: `A bus every ten minutes in ${ward}`, photo: SAMPLE_PHOTO_ID, ...extra });

describe('checking a variant table', () => {
  it('flags the one ward whose name is too long for its line, and only that row', () => {
    const rows = WARDS.map((w) => row(w));
    rows[7] = row('Harbour, Marina and the Old Town Conservation Area North');
    const checks = checkVariants(master, fields, rows, assets);
    expect(checks.filter((c) => c.problems.length > 0).map((c) => c.row)).toEqual([7]);
    expect(checks[7]!.problems).toEqual([expect.objectContaining({ field: 'ward', severity: 'error', code: 'does-not-fit' })]);
  });

  it('agrees with laying out the whole variant, row by row, on what does not fit', () => {
    const lengths = [5, 20, 28, 32, 36, 40, 60, 90];
    const rows = lengths.flatMap((n) => [row('W'.repeat(n)), row('Abbey', { headline: 'Buses '.repeat(n / 2) })]);
    const checks = checkVariants(master, fields, rows, assets);
    rows.forEach((r, i) => {
      const full = layoutDesign(designSchema.parse(applyVariant(master, fields, r)), assets);
      const expected = full.errors.map((e) => e.code);
      expect([i, checks[i]!.problems.filter((p) => p.severity === 'error').map((p) => p.code)]).toEqual([i, expected]);
    });
    // Both outcomes occur, so the comparison above is not vacuous.
    expect(checks.some((c) => c.problems.length > 0)).toBe(true);
    expect(checks.some((c) => c.problems.length === 0)).toBe(true);
  });

  it('names the field of a value the design cannot take: empty words, not an asset id, too long', () => {
    const checks = checkVariants(master, fields, [row('Abbey', { headline: '  ' }), row('Abbey', { photo: 'photo.jpg' }), row('Abbey', { ward: 'x'.repeat(301) })], assets);
    expect(checks.map((c) => c.problems.map((p) => [p.field, p.code]))).toEqual([[['headline', 'invalid']], [['photo', 'invalid']], [['ward', 'invalid']]]);
    expect(checks[1]!.problems[0]!.message).toMatch(/asset id/);
  });

  it('refuses right-to-left words in a field as the print would', () => {
    const [check] = checkVariants(master, fields, [row('Abbey', { headline: 'שלום' })], assets);
    expect(check!.problems).toEqual([expect.objectContaining({ field: 'headline', severity: 'error', code: 'unsupported-script' })]);
  });

  it('makes a photo too coarse to print an error of its field, and a soft one a warning', () => {
    const coarse = 'c'.repeat(64);
    const soft = 'd'.repeat(64);
    const sizes = new Map([...assets, [coarse, { width: 300, height: 200 }], [soft, { width: 1200, height: 800 }]]);
    const checks = checkVariants(master, fields, [row('Abbey', { photo: coarse }), row('Abbey', { photo: soft }), row('Abbey')], sizes);
    expect(checks.map((c) => c.problems.map((p) => [p.field, p.severity, p.code]))).toEqual([[['photo', 'error', 'low-resolution-image']], [['photo', 'warning', 'low-resolution-image']], []]);
  });

  it('leaves the master\'s own problems out of every row (they are the master\'s to fix once)', () => {
    const crowded: Design = { ...master, pages: master.pages.map((p, i) => (i === 1 ? { ...p, elements: p.elements.map((e) => (e.id === 'back-heading' && e.kind === 'heading' ? { ...e, text: 'Get involved '.repeat(20), minFontSize: undefined } : e)) } : p)) };
    expect(layoutDesign(crowded, assets).errors.length).toBeGreaterThan(0);
    expect(checkVariants(crowded, fields, [row('Abbey')], assets)[0]!.problems).toEqual([]);
  });

  it('answers one check per row, in order', () => {
    const checks = checkVariants(master, fields, WARDS.map((w) => row(w)), assets);
    expect(checks.map((c) => c.row)).toEqual(WARDS.map((_, i) => i));
  });
});
