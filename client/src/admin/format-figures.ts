import { formatUkDateTime } from './london-time';

/** How the console writes its figures: short, with their unit, in British English. */

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A time of day, to the second. */
export function formatClock(at: number | string): string {
  return clock.format(new Date(at));
}

/** A date and time in the UK's time zone, with the zone said: "Sat, 5 Dec 2026, 21:30 GMT". */
export function formatDateTime(at: number | string): string {
  return formatUkDateTime(at);
}

/** A number with at most `digits` decimals, fewer when it is large. */
export function formatNumber(n: number, digits = 1): string {
  const abs = Math.abs(n);
  const d = abs >= 100 ? 0 : abs >= 10 ? Math.min(digits, 1) : digits;
  return n.toLocaleString('en-GB', { maximumFractionDigits: d });
}

export const perSecond = (n: number) => `${formatNumber(n)}/s`;
export const perMinute = (n: number) => `${formatNumber(n)}/min`;
export const millis = (n: number) => (n >= 1000 ? `${formatNumber(n / 1000, 2)} s` : `${formatNumber(n)} ms`);
export const megabytes = (bytes: number) => `${formatNumber(bytes / 1e6, 0)} MB`;
/** A count (a scale's half-way mark may be 2.5, so one decimal is kept when there is one). */
export const count = (n: number) => formatNumber(n, 1);
export const percent = (ratio: number) => `${formatNumber(ratio * 100, 0)}%`;

/** How long ago, in words: "12 s ago", "3 min ago". */
export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s ago`;
  return `${Math.round(s / 60)} min ago`;
}
