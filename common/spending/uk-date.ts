/** A calendar date as the ledger keeps it: 'YYYY-MM-DD', a day in the UK (Europe/London). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether 'YYYY-MM-DD' names a real day (not 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day it is in the UK at `ms` (milliseconds since the epoch), as 'YYYY-MM-DD'. */
export function ukDateOf(ms: number): string {
  return UK_DAY.format(new Date(ms));
}

const LONG_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "5 May 2026" for '2026-05-05' (the date is a UK calendar day already, so no zone shifts it). */
export function formatDay(value: string): string {
  return isRealDate(value) ? LONG_DAY.format(new Date(`${value}T00:00:00Z`)) : value;
}
