import { formatPence, parsePounds } from '../../../common/orders/money';
import { addDays, dayInWords, isCalendarDate, londonDate } from '../../../common/orders/needed-by';

describe('pounds and pence', () => {
  it.each([
    ['120', 12000],
    ['120.00', 12000],
    ['£1,234.5', 123450],
    ['0.99', 99],
    [' £ 7.05 ', 705],
    ['0', 0],
  ])('reads %j as %i pence, exactly', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it.each(['', '-4', '1.234', '12,34', '1e3', 'ten', '£', '1,2345.00'])('refuses %j', (text) => {
    expect(parsePounds(text)).toBeNull();
  });

  it('writes pence as pounds with thousands and two decimals', () => {
    expect([formatPence(0), formatPence(5), formatPence(123456), formatPence(-2050)]).toEqual(['£0.00', '£0.05', '£1,234.56', '-£20.50']);
  });
});

describe('needed-by days (UK time)', () => {
  it('takes the London date: after midnight BST is already the next day, though UTC is not', () => {
    expect(londonDate(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(Date.parse('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('knows real calendar days, adds days across months, and says them in words', () => {
    expect(['2026-02-28', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1'].map(isCalendarDate)).toEqual([false, false, false, false]);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayInWords('2026-12-24')).toBe('Thursday 24 December 2026');
  });
});
