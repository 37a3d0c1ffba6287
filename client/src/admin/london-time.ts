/**
 * Times in the console are shown in the UK's time zone, with the zone said (GMT or BST), whatever the
 * admin's computer is set to; times typed in are read as UK times too (CONVENTIONS.md 16).
 */
export const UK_TIME_ZONE = 'Europe/London';

const shown = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** "Sat, 5 Dec 2026, 21:30 GMT": a moment as a UK date and time, with the zone. */
export function formatUkDateTime(at: number | string | Date): string {
  return shown.format(new Date(at));
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far UK time is ahead of UTC at a moment, milliseconds (0 in winter, an hour in summer). */
function ukOffsetMs(utcMs: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The moment a UK wall-clock time names, from a datetime-local value ("2026-12-05T21:30"); null when it
 * is not one. In the hour the clocks go back, the first (BST) of the two is meant; a time skipped when
 * they go forward is read as an hour later.
 */
export function ukLocalToDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  // Try the offset of an hour before, then the offset at that time: one of them names the wall time,
  // unless it falls in the hour skipped in spring, when the first (an hour later on the clock) is kept.
  const first = wall - ukOffsetMs(wall - 3600_000);
  if (ukOffsetMs(first) === wall - first) return new Date(first);
  const second = wall - ukOffsetMs(wall);
  return new Date(ukOffsetMs(second) === wall - second ? second : first);
}

/** A moment as a datetime-local value in UK time ("2026-12-05T21:30"), to fill the field. */
export function toUkLocalValue(at: number | Date): string {
  const ms = new Date(at).getTime();
  const local = new Date(ms + ukOffsetMs(ms));
  return local.toISOString().slice(0, 16);
}
