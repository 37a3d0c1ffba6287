import { FONT_TABLES } from '../../../common/layout/font-tables';
import { TextMeasurer } from '../../../common/layout/font-metrics';

// The measurer turns font units into points: a width or height in font units times the size, over the
// font's units per em (2048 for every DejaVu face).
describe('TextMeasurer', () => {
  const measurer = new TextMeasurer();

  it('measures text in points, in proportion to the font size', () => {
    const at10 = measurer.width('Vote for Amina', 'sans', 'regular', 10);
    expect(at10).toBeGreaterThan(0);
    expect(measurer.width('Vote for Amina', 'sans', 'regular', 20)).toBeCloseTo(2 * at10, 9);
    expect(measurer.width('', 'sans', 'regular', 10)).toBe(0);
  });

  it('gives a text at the font’s units-per-em size its width in font units, as shaped', () => {
    const tables = FONT_TABLES['sans-regular']!;
    expect(tables.unitsPerEm).toBe(2048);
    const shaped = measurer.shape('Vote', 'sans', 'regular');
    expect(measurer.width('Vote', 'sans', 'regular', 2048)).toBeCloseTo(shaped.width, 9);
    // "V" and "o" kern: the shaped width is less than the sum of the plain advances.
    expect(shaped.width).toBeLessThan(['V', 'o', 't', 'e'].reduce((sum, ch) => sum + measurer.shape(ch, 'sans', 'regular').width, 0));
  });

  it('measures each face and weight with its own widths: bold wider, condensed narrower', () => {
    const width = (face: 'sans' | 'serif' | 'condensed', weight: 'regular' | 'bold') => measurer.width('Riverside', face, weight, 12);
    expect(width('sans', 'bold')).toBeGreaterThan(width('sans', 'regular'));
    expect(width('condensed', 'regular')).toBeLessThan(width('sans', 'regular'));
    expect(width('serif', 'regular')).not.toBe(width('sans', 'regular'));
  });

  it('gives the ascender in points: the table’s value at the units-per-em size, and in proportion below it', () => {
    for (const key of ['sans-regular', 'serif-bold'] as const) {
      const [face, weight] = key.split('-') as ['sans' | 'serif', 'regular' | 'bold'];
      expect(measurer.ascent(face, weight, 2048)).toBeCloseTo(FONT_TABLES[key]!.ascender, 9);
      expect(measurer.ascent(face, weight, 1024)).toBeCloseTo(FONT_TABLES[key]!.ascender / 2, 9);
    }
  });

  it('needs no glyph for spaces, tabs, line ends or soft hyphens, but does for every other character', () => {
    expect(measurer.covers('a\tb\nc\u00a0d\u00ade', 'sans', 'regular')).toBe(true);
    expect(measurer.covers('漢', 'sans', 'regular')).toBe(false);
    expect(measurer.covers('ab漢', 'sans', 'regular')).toBe(false);
    expect(measurer.covers('', 'sans', 'regular')).toBe(true);
  });

  it('builds one shaper per face and weight, and keeps it', () => {
    const fresh = new TextMeasurer();
    const shaper = fresh.shaper('serif', 'bold');
    expect(fresh.shaper('serif', 'bold')).toBe(shaper);
    expect(fresh.shaper('serif', 'regular')).not.toBe(shaper);
    expect(shaper.unitsPerEm).toBe(2048);
  });

  it('says which font it has no tables for', () => {
    const empty = new TextMeasurer({});
    expect(() => empty.width('Vote', 'condensed', 'bold', 10)).toThrow('no font tables for condensed-bold');
  });
});
