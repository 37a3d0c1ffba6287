import { formatUkTime } from '../../../common/time/uk-time';
import type { ServiceStatus } from './service-status';

/** The standard sentence when the admin left no message (or the overload ladder chose maintenance). */
const STANDARD = 'Rosette is taking a short break for maintenance.';

/** The admin's message and expected return in UK time, or what is known of an unreachable server, in plain words. */
export function ClosedServiceText({ status }: { status: Exclude<ServiceStatus, { state: 'open' }> }) {
  if (status.state === 'unreachable') return <p>Rosette cannot be reached just now: the server is not answering, or this device is offline.</p>;
  const back = formatUkTime(status.notice.expectedBackAt);
  return (
    <>
      <p className="maintenance-message">{status.notice.message ?? STANDARD}</p>
      {back ? (
        <p>
          Expected back: <time dateTime={status.notice.expectedBackAt ?? undefined}>{back}</time>.
        </p>
      ) : null}
    </>
  );
}
