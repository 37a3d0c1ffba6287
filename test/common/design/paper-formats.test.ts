import { BLEED_MM, PAPER_SIZES, SAFE_MARGIN_MM, trimSize } from '../../../common/design/paper-formats';
import { mmToPt, ptToMm } from '../../../common/design/units';

describe('paper formats', () => {
  it('are the ISO A sizes A6 to A3 and DL, in millimetres, portrait', () => {
    expect(PAPER_SIZES).toEqual({
      A6: { width: 105, height: 148 },
      A5: { width: 148, height: 210 },
      A4: { width: 210, height: 297 },
      A3: { width: 297, height: 420 },
      DL: { width: 99, height: 210 },
    });
  });

  it('turn on their side in landscape', () => {
    expect(trimSize('A5', 'portrait')).toEqual({ width: 148, height: 210 });
    expect(trimSize('A5', 'landscape')).toEqual({ width: 210, height: 148 });
  });

  it('have the printers’ 3 mm bleed and a 5 mm safe margin', () => {
    expect([BLEED_MM, SAFE_MARGIN_MM]).toEqual([3, 5]);
  });
});

describe('units', () => {
  it('count 72 points to the inch of 25.4 mm', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 12);
    expect(ptToMm(72)).toBeCloseTo(25.4, 12);
    expect(mmToPt(10)).toBeCloseTo(28.346456693, 8);
  });
});
