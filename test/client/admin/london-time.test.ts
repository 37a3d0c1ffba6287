import { formatUkDateTime, toUkLocalValue, ukLocalToDate } from '../../../client/src/admin/london-time';

describe('UK times in the admin console', () => {
  it('reads a winter wall-clock time as GMT and a summer one as BST, whatever this machine\'s zone', () => {
    expect(ukLocalToDate('2026-12-05T21:30')?.toISOString()).toBe('2026-12-05T21:30:00.000Z');
    expect(ukLocalToDate('2026-07-01T09:00')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('takes the first of the two 01:30s when the clocks go back, and reads a skipped time an hour on', () => {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT.
    expect(ukLocalToDate('2026-10-25T01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not happen.
    expect(ukLocalToDate('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(ukLocalToDate('')).toBeNull();
    expect(ukLocalToDate('tomorrow at six')).toBeNull();
  });

  it('shows a moment in UK time with the zone said', () => {
    expect(formatUkDateTime('2026-12-05T21:30:00Z')).toBe('Sat, 5 Dec 2026, 21:30 GMT');
    expect(formatUkDateTime('2026-07-01T08:00:00Z')).toBe('Wed, 1 Jul 2026, 09:00 BST');
  });

  it('fills the field with the UK wall-clock time of a moment', () => {
    expect(toUkLocalValue(Date.parse('2026-07-01T08:00:00Z'))).toBe('2026-07-01T09:00');
    expect(toUkLocalValue(Date.parse('2026-12-05T21:30:00Z'))).toBe('2026-12-05T21:30');
  });
});
