import { ewma } from '../../../server/overload/ewma';

describe('ewma', () => {
  describe('when there is no average yet', () => {
    it('takes the first sample as it is', () => {
      expect(ewma(null, 7, 500, 2000)).toBe(7);
      expect(ewma(Number.NaN, 7, 500, 2000)).toBe(7);
      expect(ewma(Number.POSITIVE_INFINITY, 7, 500, 2000)).toBe(7);
    });
  });

  describe('when samples follow', () => {
    it('moves 1 - 1/e (about 63.2 %) of the way to a sample one time constant later', () => {
      expect(ewma(10, 20, 2000, 2000)).toBeCloseTo(16.321205588, 8);
    });

    it('moves 1 - 1/e² (about 86.5 %) of the way after two time constants', () => {
      expect(ewma(0, 100, 4000, 2000)).toBeCloseTo(86.466471676, 8);
    });

    it('does not move when no time has passed, nor when the clock went backwards', () => {
      expect(ewma(10, 20, 0, 2000)).toBe(10);
      expect(ewma(10, 20, -500, 2000)).toBe(10);
    });

    it('falls as well as rises', () => {
      expect(ewma(20, 10, 2000, 2000)).toBeCloseTo(13.678794412, 8);
    });
  });
});
