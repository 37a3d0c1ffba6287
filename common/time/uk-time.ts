/**
 * Times are stored in UTC and shown in UK time (Europe/London), with the zone said, since a reader
 * abroad or a date near the clock change could doubt it. Runs in the browser and in Node.
 */
const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/**
 * "Saturday 5 December 2026 at 18:00 GMT (UK time)": the zone's short name (GMT or BST) as the date
 * has it, then "UK time". Null for a missing or unreadable time.
 * @param iso An ISO 8601 time.
 */
export function formatUkTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(UK_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute} ${parts.timeZoneName} (UK time)`;
}
