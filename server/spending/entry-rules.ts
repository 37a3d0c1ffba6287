import { ukDateOf } from '../../common/spending/uk-date';
import { AppError } from '../http/app-error';

/** The earliest day an entry may be dated: anything before is a typing slip. */
const EARLIEST_DAY = '2000-01-01';

/**
 * Dates no schema can check alone: spending is not incurred or paid in the future (the UK's today,
 * Europe/London), nor before EARLIEST_DAY. Throws a 400 naming the field.
 * @param now Milliseconds since the epoch.
 */
export function checkEntryDates(entry: { incurredOn: string; paidOn: string | null }, now: number): void {
  const today = ukDateOf(now);
  for (const [path, day] of [
    ['incurredOn', entry.incurredOn],
    ['paidOn', entry.paidOn],
  ] as const) {
    if (day === null) continue;
    if (day > today) throw AppError.validation([{ path, message: `must not be after today (${today}, UK time)` }]);
    if (day < EARLIEST_DAY) throw AppError.validation([{ path, message: `must not be before ${EARLIEST_DAY}` }]);
  }
}
