import { create } from 'qrcode';
import { qrMatrix } from '../../../common/layout/qr-matrix';

/** The dark modules of a matrix, as "row,column" strings. */
const darkOf = (m: ReturnType<typeof qrMatrix>) => new Set(m.runs.flatMap(([row, col, length]) => Array.from({ length }, (_, i) => `${row},${col + i}`)));

describe('qrMatrix', () => {
  it("encodes the text as qrcode does, with error correction M, as runs of dark modules", () => {
    const text = 'https://example.org/join?ref=leaflet';
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    const matrix = qrMatrix(text);
    expect(matrix.size).toBe(modules.size);
    expect(darkOf(matrix)).toEqual(expected);
  });

  it('gives the same frozen matrix for the same text, and a new one for another', () => {
    const a = qrMatrix('https://example.org/a');
    expect(qrMatrix('https://example.org/a')).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.runs) && Object.isFrozen(a.runs[0])).toBe(true);
    expect(qrMatrix('https://example.org/b')).not.toBe(a);
  });

  it('forgets the oldest beyond the few it keeps, and still encodes correctly', () => {
    const first = qrMatrix('https://example.org/first');
    for (let i = 0; i < 100; i++) qrMatrix(`https://example.org/${i}`);
    const again = qrMatrix('https://example.org/first');
    expect(again).not.toBe(first);
    expect(darkOf(again)).toEqual(darkOf(first));
  });
});
