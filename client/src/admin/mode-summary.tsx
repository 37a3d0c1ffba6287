import type { AdminStatus, ModeCause } from '../api/admin-console-api';
import type { PersonView } from '../../../common/api/admin-status';
import { formatDateTime, formatNumber, percent } from './format-figures';
import { personName } from './person-name';
import { switchLabel } from './switch-choices';

/** The ladder's signals in words, with their unit (server/overload/signals.ts). */
const SIGNALS: Record<string, { label: string; format: (n: number) => string }> = {
  eventLoopDelayMs: { label: 'Event-loop delay', format: (n) => `${formatNumber(n)} ms` },
  eventLoopUtilization: { label: 'Event-loop use', format: percent },
  heapUsedRatio: { label: 'Heap used (of its limit)', format: percent },
  rssRatio: { label: 'Memory (of RSS_LIMIT_MB)', format: percent },
  redisDown: { label: 'Redis unreachable', format: (n) => (n >= 1 ? 'yes' : 'no') },
  redisLatencyMs: { label: 'Redis round trip', format: (n) => `${formatNumber(n)} ms` },
  databaseDown: { label: 'PostgreSQL unreachable', format: (n) => (n >= 1 ? 'yes' : 'no') },
  databaseLatencyMs: { label: 'PostgreSQL round trip', format: (n) => `${formatNumber(n)} ms` },
  backlogSeconds: { label: 'Print backlog (time to drain)', format: (n) => `${formatNumber(n, 0)} s` },
  noWorkers: { label: 'No worker connected', format: (n) => (n >= 1 ? 'yes' : 'no') },
};

/** Why the mode is what it is, in one sentence. */
export function causeSentence(cause: ModeCause, people?: Record<string, PersonView>): string {
  if (!cause) return 'Calm: no signal is near a mark.';
  if ('switch' in cause) {
    const s = cause.switch;
    const who = s.setBy ? ` by ${personName(s.setBy, people)}` : '';
    const when = s.setAt ? ` at ${formatDateTime(s.setAt)}` : '';
    return `An admin set the switch to “${switchLabel(s.mode)}”${who}${when}${s.reason ? `: ${s.reason}` : ''}.`;
  }
  if (cause.signal === null) return `Calm: every signal is back under its marks (${cause.reason}).`;
  const signal = SIGNALS[cause.signal] ?? { label: cause.signal, format: (n: number) => formatNumber(n) };
  const value = cause.value === null ? 'unknown' : signal.format(cause.value);
  const threshold = cause.threshold === null ? 'unknown' : signal.format(cause.threshold);
  return `${signal.label} is ${value}, against a mark of ${threshold} (${cause.reason}).`;
}

/** The mode this server acts on, why, and what the ladder alone would say. */
export function ModeSummary({ status }: { status: AdminStatus }) {
  return (
    <section className="console-card" aria-labelledby="mode-heading">
      <h2 id="mode-heading">Mode</h2>
      <p className="mode-now">
        <span className={`mode-badge mode-${status.mode}`}>{status.mode}</span>
      </p>
      <p className="mode-cause">{causeSentence(status.cause, status.people)}</p>
      <dl className="facts">
        <dt>The ladder alone says</dt>
        <dd>
          {status.ladder.mode}, since {formatDateTime(status.ladder.since)}
        </dd>
        <dt>Redis</dt>
        <dd>{status.redisUp ? 'answering' : 'not answering: every server is in maintenance until it is back'}</dd>
        <dt>File store</dt>
        <dd>
          {status.store.writable
            ? 'takes writes'
            : `cannot be written (${status.store.code ?? 'unknown error'}) since ${formatDateTime(status.store.since)}: new print jobs are refused; accepted jobs wait and print once it takes writes again`}
        </dd>
        <dt>Requests in flight</dt>
        <dd>
          {status.inFlight.now} of {status.inFlight.limit}
          {status.inFlight.limit < status.inFlight.max ? ` (lowered from ${status.inFlight.max}: the event loop is lagging)` : ''}
        </dd>
        <dt>Print queue</dt>
        <dd>
          {status.printQueue.waiting} waiting (cap {status.printQueue.backlogCap}){status.printQueue.paused ? ', printing paused' : ''}{status.printQueue.estimatedWaitSeconds !== null ? `, a new job waits about ${Math.round(status.printQueue.estimatedWaitSeconds)} s` : ''}
        </dd>
      </dl>
      <p className="field-hint">As seen by the server process that answered (pid {status.process.pid}); every server follows the switch within a second.</p>
    </section>
  );
}
