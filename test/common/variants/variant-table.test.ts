import { MAX_VARIANT_ROWS, variantTableSchema } from '../../../common/variants/variant-table';

const fields = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' },
];
const problems = (input: unknown) => {
  const result = variantTableSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('a variant table', () => {
  it('takes fields and a value of each for every row', () => {
    expect(problems({ fields, rows: [{ ward: 'Abbey', photo: 'a' }, { ward: 'Castle', photo: 'b' }] })).toEqual([]);
  });

  it('names the row and the column of a missing or unknown value', () => {
    expect(problems({ fields, rows: [{ ward: 'Abbey', photo: 'a' }, { ward: 'Castle', colour: 'red' }] })).toEqual([
      ['rows.1.photo', 'row 2 has no value for "photo"'],
      ['rows.1.colour', '"colour" is not one of the fields'],
    ]);
  });

  it('refuses a key used twice, and two fields filling the same part', () => {
    expect(problems({ fields: [fields[0], { ...fields[1], key: 'ward' }, { ...fields[1], key: 'again' }], rows: [{ ward: 'A', again: 'b' }] })).toEqual([
      ['fields.1.key', '"ward" is the key of an earlier field'],
      ['fields.2.elementId', 'an earlier field already fills this part of the element'],
    ]);
  });

  it('names bad field settings', () => {
    const bad = { key: 'Ward Name', label: ' ', page: 2, elementId: 'a b', block: -1 };
    expect(problems({ fields: [bad], rows: [{}] }).map(([path]) => path)).toEqual(['fields.0.key', 'fields.0.label', 'fields.0.page', 'fields.0.elementId', 'fields.0.block']);
    expect(problems({ fields: [{ ...fields[0], colour: 'red' }], rows: [{ ward: 'A' }] })[0]![0]).toBe('fields.0');
  });

  it('has at least one field and one row, and at most its limit of rows', () => {
    expect(problems({ fields: [], rows: [{}] })).toEqual([['fields', 'must mark at least one field']]);
    expect(problems({ fields, rows: [] })).toEqual([['rows', 'must have at least one row']]);
    const many = Array.from({ length: MAX_VARIANT_ROWS + 1 }, () => ({ ward: 'A', photo: 'b' }));
    expect(problems({ fields, rows: many })).toEqual([['rows', `must have at most ${MAX_VARIANT_ROWS} rows`]]);
  });

  it('bounds a cell at 3000 characters', () => {
    expect(problems({ fields, rows: [{ ward: 'x'.repeat(3001), photo: 'a' }] })).toEqual([['rows.0.ward', 'must be at most 3000 characters']]);
  });
});
