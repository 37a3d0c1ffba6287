import { basisPointsOf, resolveSplit } from '../../../common/spending/resolve-split';
import { limitWarningOf } from '../../../common/spending/limit-warning';
import { decimalPounds, formatPounds, parsePounds } from '../../../common/spending/money';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const percent = (...p: number[]) => ({ by: 'percent' as const, parts: p.map((percent, i) => ({ candidateId: [A, B, C][i]!, percent })) });
const pence = (parts: Array<{ pence: number }>) => parts.map((p) => p.pence);

describe('resolveSplit, the largest-remainder rule', () => {
  it('gives each part its whole pence, then the pennies left over to the largest remainders', () => {
    expect(pence(resolveSplit(1000, percent(33.33, 33.33, 33.34)))).toEqual([333, 333, 334]);
    // 100 pence in thirds (33.33/33.33/33.34): 33.33, 33.33, 33.34 -> the third has the largest remainder.
    expect(pence(resolveSplit(100, percent(33.33, 33.33, 33.34)))).toEqual([33, 33, 34]);
    expect(pence(resolveSplit(1, percent(50, 50)))).toEqual([1, 0]);
  });

  it('breaks equal remainders in the order the parts were listed', () => {
    expect(pence(resolveSplit(3001, percent(50, 50)))).toEqual([1501, 1500]);
    expect(pence(resolveSplit(2, percent(33.33, 33.33, 33.34)))).toEqual([1, 0, 1]);
  });

  it('always adds up to the total, and a negative total negates every part exactly', () => {
    for (let total = 1; total <= 2000; total += 7) {
      for (const split of [percent(33.33, 33.33, 33.34), percent(12.5, 87.5), percent(0.01, 99.99), percent(100)]) {
        const parts = pence(resolveSplit(total, split));
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        expect(pence(resolveSplit(-total, split))).toEqual(parts.map((p) => (p === 0 ? 0 : -p)));
      }
    }
  });

  it('is deterministic: the same input gives the same pence', () => {
    const split = percent(14.29, 42.86, 42.85);
    expect(resolveSplit(99_999, split)).toEqual(resolveSplit(99_999, split));
  });

  it('takes amounts as given', () => {
    expect(resolveSplit(300, { by: 'amount', parts: [{ candidateId: A, pence: 100 }, { candidateId: B, pence: 200 }] })).toEqual([
      { candidateId: A, pence: 100 },
      { candidateId: B, pence: 200 },
    ]);
  });

  it('refuses percentages that do not add up to 100 or have more than two decimal places', () => {
    expect(() => resolveSplit(100, percent(50, 40))).toThrow(/100/);
    expect(() => resolveSplit(100, percent(50, 60))).toThrow(/100/);
    expect(() => resolveSplit(100, percent(33.333, 66.667))).toThrow(/decimal/);
    expect(basisPointsOf(33.33)).toBe(3333);
    expect(basisPointsOf(0.1 + 0.2)).toBe(30);
    expect(basisPointsOf(33.333)).toBeNull();
  });
});

describe('limit warnings', () => {
  it('warn from 80 % of the limit and again from 100 %, in whole pence', () => {
    expect(limitWarningOf(7999, 10000)).toBe('none');
    expect(limitWarningOf(8000, 10000)).toBe('approaching');
    expect(limitWarningOf(9999, 10000)).toBe('approaching');
    expect(limitWarningOf(10000, 10000)).toBe('reached');
    expect(limitWarningOf(12000, 10000)).toBe('reached');
    expect(limitWarningOf(12000, null)).toBe('none');
  });
});

describe('money', () => {
  it('formats pence as pounds', () => {
    expect(formatPounds(123456)).toBe('£1,234.56');
    expect(formatPounds(-1230)).toBe('−£12.30');
    expect(decimalPounds(-5)).toBe('-0.05');
    expect(decimalPounds(100)).toBe('1.00');
  });
});

describe('parsePounds', () => {
  it('reads what a person types as whole pence, without floating point', () => {
    expect(parsePounds('12')).toBe(1200);
    expect(parsePounds('12.5')).toBe(1250);
    expect(parsePounds('£1,234.56')).toBe(123456);
    expect(parsePounds(' 0.07 ')).toBe(7);
    expect(parsePounds('19.99')).toBe(1999);
    for (const bad of ['', '-3', '1.234', '12,34', 'ten', '1e3', '£']) expect(parsePounds(bad)).toBeNull();
  });
});
