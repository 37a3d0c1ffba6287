import { designSchema, type Design } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { findTemplate } from '../../../common/templates/templates';
import { applyVariant, bilingualFieldProblems } from '../../../common/variants/apply-variant';
import { checkBilingualVariants, checkVariants } from '../../../common/variants/check-variants';
import { bilingualVariantCsv, parseBilingualVariantCsv } from '../../../common/variants/variant-csv';
import { anyVariantTableSchema, bilingualVariantTableSchema, variantTableSchema, type BilingualField, type BilingualRow } from '../../../common/variants/variant-table';
import { bilingualValues, plainFields, variantVersions } from '../../../common/variants/variant-versions';

const master: Design = designSchema.parse(findTemplate('a5-flyer')!.design);
const assets = new Map([[SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE]]);
/** The ward goes into the front's "Vote on ..." line, which may not shrink: a long name cannot fit. */
const fields: BilingualField[] = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'headline', label: 'Headline', page: 0, elementId: 'headline' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo', shared: true },
];
const row = (en: string, cy: string, extra: Partial<BilingualRow> = {}): BilingualRow => ({
  ward: { en: `Vote in ${en} on 7 May`, cy: `Pleidleisiwch yn ${cy} ar 7 Mai` },
  headline: { en: `A bus every ten minutes in ${en}`, cy: `Bws bob deg munud yn ${cy}` },
  photo: SAMPLE_PHOTO_ID,
  ...extra,
});
const WARDS: Array<[string, string]> = [
  ['Abbey', 'Abaty'],
  ['Castle', 'Castell'],
  ['Harbour', 'Harbwr'],
];
const LONG_WELSH = 'Harbwr, Marina a Hen Ardal Gadwraeth y Dref, Gogledd a De';
const textOf = (design: Design, id: string) => {
  const el = design.pages[0]!.elements.find((e) => e.id === id)!;
  return el.kind === 'heading' ? el.text : null;
};

describe('a bilingual variant table', () => {
  const table = { kind: 'bilingual' as const, fields, rows: WARDS.map(([en, cy]) => row(en, cy)) };

  it('is read by the one schema, told from a plain table by its kind; a table without a kind is plain', () => {
    expect(anyVariantTableSchema.parse(table)).toEqual(table);
    expect(bilingualVariantTableSchema.safeParse(table).success).toBe(true);
    const plain = { fields: plainFields([fields[0]!]), rows: [{ ward: 'Vote in Abbey' }] };
    expect(anyVariantTableSchema.parse(plain)).toEqual(plain);
    expect(variantTableSchema.parse({ ...plain, kind: 'plain' })).toEqual({ ...plain, kind: 'plain' });
  });

  it('names the path of a missing Welsh text, a pair where a shared value goes, and a bad kind', () => {
    const bad = { ...table, rows: [table.rows[0], table.rows[1], { ...table.rows[2], headline: 'Only one text' }, { ...table.rows[0], ward: { en: 'Vote in Abbey' } }, { ...table.rows[0], photo: { en: SAMPLE_PHOTO_ID, cy: SAMPLE_PHOTO_ID } }] };
    const result = anyVariantTableSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rows.2.headline', 'must have an English and a Welsh text: {"en": "...", "cy": "..."}'],
      ['rows.3.ward.cy', 'the Welsh text is missing'],
      ['rows.4.photo', 'must be text (one value for both languages)'],
    ]);
    expect(anyVariantTableSchema.safeParse({ ...table, kind: 'trilingual' }).error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['kind', 'must be "plain" or "bilingual"']]);
    expect(anyVariantTableSchema.safeParse({ ...table, rows: [{ ...table.rows[0], ward: { en: 'a', cy: 'b', fr: 'c' } }] }).success).toBe(false);
  });

  it('has fields whose sharing agrees with what they fill: words in two languages, a photo or QR code shared', () => {
    expect(bilingualFieldProblems(master, fields)).toEqual([]);
    const problems = bilingualFieldProblems(master, [{ ...fields[0]!, shared: true }, { ...fields[2]!, shared: undefined }, { key: 'qr', label: 'QR', page: 0, elementId: 'qr' }, { key: 'x', label: 'X', page: 0, elementId: 'band' }]);
    expect(problems.map((p) => [p.field, p.path.join('.')])).toEqual([
      [0, 'fields.0.shared'],
      [1, 'fields.1.shared'],
      [2, 'fields.2.shared'],
      [3, 'fields.3.elementId'],
    ]);
  });
});

describe('the versions of a bilingual table', () => {
  const table = { kind: 'bilingual' as const, fields, rows: WARDS.map(([en, cy]) => row(en, cy)) };

  it('are two per row, English then Welsh, the photo shared by both', () => {
    const versions = variantVersions(table);
    expect(versions.map((v) => [v.row, v.language, v.values.ward])).toEqual([
      [0, 'en', 'Vote in Abbey on 7 May'],
      [0, 'cy', 'Pleidleisiwch yn Abaty ar 7 Mai'],
      [1, 'en', 'Vote in Castle on 7 May'],
      [1, 'cy', 'Pleidleisiwch yn Castell ar 7 Mai'],
      [2, 'en', 'Vote in Harbour on 7 May'],
      [2, 'cy', 'Pleidleisiwch yn Harbwr ar 7 Mai'],
    ]);
    expect(new Set(versions.map((v) => v.values.photo))).toEqual(new Set([SAMPLE_PHOTO_ID]));
    // A plain table's versions are its rows, in the master's language.
    expect(variantVersions({ fields: plainFields(fields), rows: [{ ward: 'a', headline: 'b', photo: SAMPLE_PHOTO_ID }] })).toEqual([{ row: 0, language: null, values: { ward: 'a', headline: 'b', photo: SAMPLE_PHOTO_ID } }]);
  });

  it('are each the master with the language\'s words put in, and the language set: en-GB, cy-GB', () => {
    const [en, cy] = (['en', 'cy'] as const).map((language) => designSchema.parse(applyVariant(master, plainFields(fields), bilingualValues(table.rows[1]!, language), { language })));
    expect([en!.language, textOf(en!, 'vote'), textOf(en!, 'headline')]).toEqual(['en-GB', 'Vote in Castle on 7 May', 'A bus every ten minutes in Castle']);
    expect([cy!.language, textOf(cy!, 'vote'), textOf(cy!, 'headline')]).toEqual(['cy-GB', 'Pleidleisiwch yn Castell ar 7 Mai', 'Bws bob deg munud yn Castell']);
    expect(layoutDesign(cy!, assets).language).toBe('cy-GB');
    // Without a language the master's is kept, as a plain table's versions always were.
    expect(designSchema.parse(applyVariant({ ...master, language: 'en-GB' }, plainFields(fields), bilingualValues(table.rows[1]!, 'cy'))).language).toBe('en-GB');
  });
});

describe('checking a bilingual table', () => {
  it('flags the row whose Welsh ward is too long for its line, naming the language, and only that row', () => {
    const rows = WARDS.map(([en, cy]) => row(en, cy));
    rows[2] = row('Harbour', LONG_WELSH);
    const checks = checkBilingualVariants(master, fields, rows, assets);
    expect(checks.map((c) => c.row)).toEqual([0, 1, 2]);
    expect(checks.filter((c) => c.problems.length > 0).map((c) => c.row)).toEqual([2]);
    expect(checks[2]!.problems).toEqual([expect.objectContaining({ field: 'ward', language: 'cy', severity: 'error', code: 'does-not-fit' })]);
  });

  it('flags an English text too long as English, and a text empty in both languages twice', () => {
    const long = 'Harbour, Marina and the Old Town Conservation Area North';
    const [tooLong, empty] = checkBilingualVariants(master, fields, [row(long, 'Harbwr'), row('Abbey', 'Abaty', { headline: { en: ' ', cy: '' } })], assets);
    expect(tooLong!.problems.map((p) => [p.field, p.language, p.code])).toEqual([['ward', 'en', 'does-not-fit']]);
    expect(empty!.problems.map((p) => [p.field, p.language, p.code])).toEqual([
      ['headline', 'en', 'invalid'],
      ['headline', 'cy', 'invalid'],
    ]);
  });

  it('reports a shared photo\'s problem once, for both languages (no language named)', () => {
    const coarse = 'c'.repeat(64);
    const sizes = new Map([...assets, [coarse, { width: 300, height: 200 }]]);
    const [check] = checkBilingualVariants(master, fields, [row('Abbey', 'Abaty', { photo: coarse })], sizes);
    expect(check!.problems).toEqual([expect.objectContaining({ field: 'photo', severity: 'error', code: 'low-resolution-image' })]);
    expect(check!.problems[0]!.language).toBeUndefined();
    const [notAnAsset] = checkBilingualVariants(master, fields, [row('Abbey', 'Abaty', { photo: 'photo.jpg' })], assets);
    expect(notAnAsset!.problems.map((p) => [p.field, p.language, p.code])).toEqual([['photo', undefined, 'invalid']]);
  });

  it('agrees with checking each language\'s version as a plain row', () => {
    const lengths = [5, 24, 32, 40, 60];
    const rows = lengths.map((n) => row('W'.repeat(n), 'Ŵ'.repeat(n + 4)));
    const checks = checkBilingualVariants(master, fields, rows, assets);
    rows.forEach((r, i) => {
      const expected = (['en', 'cy'] as const).flatMap((language) => checkVariants(master, plainFields(fields), [bilingualValues(r, language)], assets)[0]!.problems.map((p) => `${language}:${p.field}:${p.code}`));
      expect([i, checks[i]!.problems.map((p) => `${p.language ?? 'both'}:${p.field}:${p.code}`)]).toEqual([i, expected]);
    });
    expect(checks.some((c) => c.problems.length > 0)).toBe(true);
    expect(checks.some((c) => c.problems.length === 0)).toBe(true);
  });
});

describe('a bilingual table as CSV', () => {
  it('goes out and comes back the same, Welsh letters (ŵ ŷ) and a formula kept as text', () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const rows: BilingualRow[] = [row('Abbey', 'Abaty'), { ward: { en: formula, cy: 'Pleidleisiwch ŵ ŷ, "Tŷ Gwyn"' }, headline: { en: '+44 20', cy: '@Caerdydd\nTŷ' }, photo: SAMPLE_PHOTO_ID }];
    const csv = bilingualVariantCsv(fields, rows);
    expect(csv.split('\r\n')[0]).toBe('ward.en,ward.cy,headline.en,headline.cy,photo');
    // A spreadsheet opening the file sees text, not a formula, in both languages' columns.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`"'@Caerdydd\nTŷ"`);
    expect(parseBilingualVariantCsv(csv, fields)).toEqual({ ok: true, rows });
  });

  it('reads columns headed "<label> (English)" and "<label> (Welsh)", in any order, and keeps a formula as text', () => {
    const text = 'Photo,Ward (Welsh),ward (English),HEADLINE.CY,headline.en\r\n' + `${SAMPLE_PHOTO_ID},"=HYPERLINK(""http://evil.example"")",Vote in Abbey,Bws ŵ ŷ,A bus\r\n`;
    expect(parseBilingualVariantCsv(text, fields)).toEqual({ ok: true, rows: [{ ward: { en: 'Vote in Abbey', cy: '=HYPERLINK("http://evil.example")' }, headline: { en: 'A bus', cy: 'Bws ŵ ŷ' }, photo: SAMPLE_PHOTO_ID }] });
  });

  it('names a missing Welsh column and a column of neither language', () => {
    const result = parseBilingualVariantCsv('ward.en,ward,headline.en,headline.cy,photo\r\na,b,c,d,e\r\n', fields);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, column: 'ward', message: '"ward" is not a field of this design (the fields are "ward.en", "ward.cy", "headline.en", "headline.cy", "photo")' },
        { line: 1, message: 'no column for the Welsh text of "ward" (Ward (Welsh))' },
      ],
    });
  });
});
