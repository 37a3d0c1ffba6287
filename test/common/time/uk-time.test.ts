import { formatUkTime } from '../../../common/time/uk-time';

describe('a time shown in UK time', () => {
  it('is in GMT in winter, with the zone said', () => {
    expect(formatUkTime('2026-12-05T18:00:00Z')).toBe('Saturday 5 December 2026 at 18:00 GMT (UK time)');
  });

  it('is an hour ahead in British Summer Time', () => {
    expect(formatUkTime('2026-07-01T17:30:00Z')).toBe('Wednesday 1 July 2026 at 18:30 BST (UK time)');
  });

  it('changes zone at the clocks going forward (01:00 UTC on the last Sunday of March)', () => {
    expect(formatUkTime('2026-03-29T00:59:00Z')).toBe('Sunday 29 March 2026 at 00:59 GMT (UK time)');
    expect(formatUkTime('2026-03-29T01:00:00Z')).toBe('Sunday 29 March 2026 at 02:00 BST (UK time)');
  });

  it('is null for no time or an unreadable one', () => {
    expect(formatUkTime(null)).toBeNull();
    expect(formatUkTime('')).toBeNull();
    expect(formatUkTime('next Tuesday')).toBeNull();
  });
});
