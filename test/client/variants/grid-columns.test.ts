import { changeKind, gridColumns, gridRowsOf, tableOf } from '../../../client/src/variants/grid-columns';
import { anyVariantTableSchema, type BilingualField } from '../../../common/variants/variant-table';

const fields: BilingualField[] = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
const kindOf = (f: BilingualField) => (f.key === 'photo' ? ('image' as const) : ('heading' as const));
const PHOTO = 'a'.repeat(64);

describe("the Versions grid's columns and rows", () => {
  it('turns a plain table into English and Welsh: the words in both columns until translated, the photo shared', () => {
    const bilingual = changeKind('bilingual', fields, [{ ward: 'Vote in Abbey', photo: PHOTO }], kindOf);
    expect(bilingual.fields).toEqual([fields[0], { ...fields[1], shared: true }]);
    expect(bilingual.rows).toEqual([{ 'ward.en': 'Vote in Abbey', 'ward.cy': 'Vote in Abbey', photo: PHOTO }]);
    expect(gridColumns('bilingual', bilingual.fields, kindOf).map((c) => [c.id, c.label, c.language])).toEqual([
      ['ward.en', 'Ward (English)', 'en'],
      ['ward.cy', 'Ward (Welsh)', 'cy'],
      ['photo', 'Photo', null],
    ]);
  });

  it('makes a table the API accepts from the grid, and the grid again from it', () => {
    const rows = [{ 'ward.en': 'Vote in Abbey', 'ward.cy': 'Pleidleisiwch yn Abaty', photo: PHOTO }];
    const sharedFields = [fields[0]!, { ...fields[1]!, shared: true as const }];
    const table = tableOf('bilingual', sharedFields, rows);
    expect(anyVariantTableSchema.parse(table)).toEqual({ kind: 'bilingual', fields: sharedFields, rows: [{ ward: { en: 'Vote in Abbey', cy: 'Pleidleisiwch yn Abaty' }, photo: PHOTO }] });
    expect(gridRowsOf(table)).toEqual(rows);
    // Back to one language, the English is kept and the field is no longer marked shared.
    const plain = changeKind('plain', sharedFields, rows, kindOf);
    expect(plain).toEqual({ fields, rows: [{ ward: 'Vote in Abbey', photo: PHOTO }] });
    expect(anyVariantTableSchema.parse(tableOf('plain', plain.fields, plain.rows))).toEqual({ kind: 'plain', fields, rows: plain.rows });
  });
});
