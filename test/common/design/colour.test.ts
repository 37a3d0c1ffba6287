import { BLACK, colourToCss, inkOf, parseColour, toCmykColour } from '../../../common/design/colour';

describe('parseColour', () => {
  it('reads #rrggbb, in either case, as sRGB bytes', () => {
    expect(parseColour('#0A1b2C')).toEqual({ space: 'rgb', r: 10, g: 27, b: 44 });
    expect(parseColour('#ff0080')).toEqual({ space: 'rgb', r: 255, g: 0, b: 128 });
  });

  it('reads cmyk(c, m, y, k) in percent, decimals and spaces allowed', () => {
    expect(parseColour('cmyk( 1.5 ,2,3 , 100 )')).toEqual({ space: 'cmyk', c: 1.5, m: 2, y: 3, k: 100 });
  });

  it('allows spaces around every number and decimals in every ink', () => {
    expect(parseColour('cmyk(  0.5  ,  0.25  ,  10.75  ,  99.5  )')).toEqual({ space: 'cmyk', c: 0.5, m: 0.25, y: 10.75, k: 99.5 });
    expect(parseColour('cmyk(1,2.5,3.25,4.125)')).toEqual({ space: 'cmyk', c: 1, m: 2.5, y: 3.25, k: 4.125 });
    expect(parseColour('cmyk(100.0, 0, 0, 0)')).toEqual({ space: 'cmyk', c: 100, m: 0, y: 0, k: 0 });
  });

  it.each([['x#123456'], ['#123456x'], ['xcmyk(0, 0, 0, 0)'], ['cmyk(0, 0, 0, 0)x'], ['cmyk(1000, 0, 0, 0)'], ['cmyk(0, 0, 0, 1.)'], ['cmyk(0, 0, 0, 1.x)'], ['cmyk(0 x, 0, 0, 0)'], ['cmyk(0, x0, 0, 0)'], ['cmyk(0, 0, 0, 0, 0)']])('is null for %j', (text) => {
    expect(parseColour(text)).toBeNull();
  });

  it.each([['#12345g'], ['#1234567'], [' #123456'], ['cmyk(0, 0, 0, 100.5)'], ['cmyk(0, 0, 0, 0) '], ['cmyk(-1, 0, 0, 0)'], ['rgb(0, 0, 0)']])('is null for %j', (text) => {
    expect(parseColour(text)).toBeNull();
  });
});

describe('inkOf and toCmykColour', () => {
  it('keep CMYK inks as given, rounding to whole percent only when written out', () => {
    expect(inkOf('cmyk(1.4, 2.6, 0, 50)')).toEqual({ c: 1.4, m: 2.6, y: 0, k: 50 });
    expect(toCmykColour('cmyk(1.4, 2.6, 0, 50)')).toBe('cmyk(1, 3, 0, 50)');
  });

  it('print something that is not a colour in black ink alone', () => {
    expect(inkOf('nonsense')).toEqual({ c: 0, m: 0, y: 0, k: 100 });
    expect(BLACK).toBe('cmyk(0, 0, 0, 100)');
  });
});

describe('colourToCss', () => {
  it('writes the soft proof as CSS rgb(), darker for black ink than for bare paper', () => {
    const [paper, black] = ['cmyk(0, 0, 0, 0)', BLACK].map(colourToCss);
    expect(paper).toMatch(/^rgb\(\d{1,3}, \d{1,3}, \d{1,3}\)$/);
    const sum = (css: string) => css.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0);
    expect(sum(black!)).toBeLessThan(sum(paper!) - 300);
  });
});
