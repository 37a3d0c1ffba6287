import { csvCell, parseVariantCsv, variantCsv } from '../../../common/variants/variant-csv';
import { MAX_VARIANT_ROWS, type VariantField } from '../../../common/variants/variant-table';

const fields: VariantField[] = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
];

describe('reading a CSV of variants', () => {
  it('matches columns by key or by label, in any order and case, and keeps cells as written', () => {
    const result = parseVariantCsv('\uFEFFCANDIDATE\'S NAME , ward\r\n"Amina Yusuf","Abbey, North"\r\nGwen Hughes,"Castle\nand Dene"\r\n', fields);
    expect(result).toEqual({ ok: true, rows: [{ candidate: 'Amina Yusuf', ward: 'Abbey, North' }, { candidate: 'Gwen Hughes', ward: 'Castle\nand Dene' }] });
  });

  it('keeps a formula as text, never evaluated, and takes off the apostrophe its own export adds', () => {
    const result = parseVariantCsv('ward,candidate\r\n"=HYPERLINK(""http://evil.example"",""click"")",Amina\r\n"\'=1+2",+44 20\r\n', fields);
    expect(result).toEqual({ ok: true, rows: [{ ward: '=HYPERLINK("http://evil.example","click")', candidate: 'Amina' }, { ward: '=1+2', candidate: '+44 20' }] });
  });

  it('names unknown, doubled and missing columns', () => {
    const result = parseVariantCsv('ward,Ward,colour\r\nA,B,C\r\n', fields);
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, column: 'Ward', message: '"Ward" is a second column for the field "ward"' },
        { line: 1, column: 'colour', message: '"colour" is not a field of this design (the fields are "ward", "candidate")' },
        { line: 1, message: 'no column for the field "candidate" (Candidate\'s name)' },
      ],
    });
  });

  it('names the line of a row with too few or too many cells, and of an unclosed quote', () => {
    expect(parseVariantCsv('ward,candidate\nA,B\nC\nD,E,F\n', fields)).toEqual({
      ok: false,
      problems: [
        { line: 3, message: 'has 1 cells where the header has 2' },
        { line: 4, message: 'has 3 cells where the header has 2' },
      ],
    });
    const unclosed = parseVariantCsv('ward,candidate\nA,"B\n', fields);
    expect(unclosed.ok).toBe(false);
    expect(!unclosed.ok && unclosed.problems[0]!.message).toBe('a quoted cell is not closed (a " is missing)');
  });

  it('refuses an empty file, a header with no rows, and more rows than a table holds', () => {
    expect(parseVariantCsv('', fields)).toEqual({ ok: false, problems: [{ line: null, message: expect.stringContaining('the file is empty') }] });
    expect(parseVariantCsv('ward,candidate\r\n\r\n', fields)).toEqual({ ok: false, problems: [{ line: null, message: 'the file has a header row but no variants' }] });
    const big = 'ward,candidate\n' + 'A,B\n'.repeat(MAX_VARIANT_ROWS + 1);
    expect(parseVariantCsv(big, fields)).toEqual({ ok: false, problems: [{ line: MAX_VARIANT_ROWS + 2, message: `a table holds at most ${MAX_VARIANT_ROWS} variants; this file has ${MAX_VARIANT_ROWS + 1}` }] });
  });
});

describe('writing a CSV of variants', () => {
  it('quotes what needs quoting and writes formula-like cells as text', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '=SUM(A1)', '+1', '-1', '@x', '\tx'].map(csvCell)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '" padded "',
      "'=SUM(A1)",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
    ]);
  });

  it('reads back what it writes', () => {
    const rows = [{ ward: 'Abbey, North', candidate: '=HYPERLINK("x")' }, { ward: 'Castle\nDene', candidate: 'Gwen "the bus" Hughes' }];
    const csv = variantCsv(fields, rows);
    expect(csv.split('\r\n')[0]).toBe('ward,candidate');
    expect(parseVariantCsv(csv, fields)).toEqual({ ok: true, rows });
  });
});
