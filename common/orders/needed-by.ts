/**
 * Needed-by dates are calendar days in the UK (Europe/London), written YYYY-MM-DD: "needed by
 * Thursday" means Thursday in London whatever the server's or the browser's zone.
 */
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in London (YYYY-MM-DD) at `ms` milliseconds since the epoch. */
export function londonDate(ms: number): string {
  return LONDON_DAY.format(new Date(ms));
}

/** Whether `date` (YYYY-MM-DD) names a real calendar day. */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** Longest ahead an order may be needed, days: further is a typo in the year. */
export const MAX_NEEDED_BY_DAYS = 366;

const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar day (YYYY-MM-DD) in words: "Thursday 24 December 2026". */
export function dayInWords(date: string): string {
  // From the parts: whether a comma follows the weekday differs between ICU versions (browsers, Node).
  const parts = Object.fromEntries(DAY_IN_WORDS.formatToParts(new Date(`${date}T00:00:00Z`)).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** The calendar day `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
