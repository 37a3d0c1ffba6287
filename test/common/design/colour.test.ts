import { BLACK, inkOf, parseColour, toCmykColour } from '../../../common/design/colour';

describe('parseColour', () => {
  it('reads #rrggbb, in either case, as sRGB bytes', () => {
    expect(parseColour('#0A1b2C')).toEqual({ space: 'rgb', r: 10, g: 27, b: 44 });
    expect(parseColour('#ff0080')).toEqual({ space: 'rgb', r: 255, g: 0, b: 128 });
  });

  it('reads cmyk(c, m, y, k) in percent, decimals and spaces allowed', () => {
    expect(parseColour('cmyk( 1.5 ,2,3 , 100 )')).toEqual({ space: 'cmyk', c: 1.5, m: 2, y: 3, k: 100 });
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
