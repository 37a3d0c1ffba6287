import { csvCell } from '../../../server/spending/spending-return-csv';

describe('a cell of the return\'s CSV', () => {
  it('disarms anything a spreadsheet would read as a formula with a leading quote', () => {
    for (const value of ['=1+1', '+44 20', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvCell(value).replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
  });

  it('leaves the amounts it wrote itself as numbers, and quotes commas, quotes and line breaks', () => {
    expect(csvCell('-12.30')).toBe('-12.30');
    expect(csvCell('-12.3; rm')).toBe(`'-12.3; rm`);
    expect(csvCell('14 Dock Street, Riverside')).toBe('"14 Dock Street, Riverside"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});
