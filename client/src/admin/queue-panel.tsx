import { useCallback, useEffect, useRef, useState } from 'react';
import { FAILED_PAGE_DEFAULT, RETRY_ALL_MAX, type FailedJobSummary, type QueueOverviewResponse } from '../../../common/api/admin-queue';
import { ApiError } from '../api/api-error';
import { getQueueOverview, pausePrinting, removeFailedJob, resumePrinting, retryAllFailedJobs, retryFailedJob } from '../api/admin-queue-api';
import { useVisiblePolling } from './use-visible-polling';
import './admin.css';
import './queue-panel.css';

/** How often the panel reads the queue while the page is visible, milliseconds. */
const REFRESH_MS = 3000;
/** Failed jobs per page of the table. */
const PAGE_SIZE = FAILED_PAGE_DEFAULT;

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** An action waiting for the admin to confirm it. */
type Pending = { kind: 'pause' } | { kind: 'resume' } | { kind: 'retry-all'; failed: number } | { kind: 'remove'; id: string };

/**
 * The print queue for admins: how many jobs wait, render and failed; pause and resume printing (accepted
 * jobs wait, nothing is lost); retry or remove failed jobs. Reads the queue every few seconds while the
 * page is visible. Shows no personal data: failed jobs are told by id, format and page count only.
 */
export function QueuePanel() {
  const [overview, setOverview] = useState<QueueOverviewResponse | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [start, setStart] = useState(0);

  const readNow = useVisiblePolling(
    async (signal) => {
      try {
        const next = await getQueueOverview({ start, limit: PAGE_SIZE }, signal);
        if (signal.aborted) return;
        // The last failed job of a later page was retried or removed: show the page before.
        if (next.failed.jobs.length === 0 && start > 0) return setStart(Math.max(0, start - PAGE_SIZE));
        setOverview(next);
        setReadProblem(null);
      } catch (err) {
        if (signal.aborted) return;
        setReadProblem(`${sentence(err)} Trying again every few seconds.`);
      }
    },
    REFRESH_MS,
    [start],
  );

  const act = useCallback(async (run: () => Promise<{ message: string }>) => {
    setBusy(true);
    setActionProblem(null);
    setDone(null);
    try {
      setDone(sentence((await run()).message));
    } catch (err) {
      setActionProblem(sentence(err));
    } finally {
      setBusy(false);
      setPending(null);
      readNow(); // read the queue again at once
    }
  }, [readNow]);

  const confirm = (action: Pending) => {
    setDone(null);
    setActionProblem(null);
    setPending(action);
  };

  return (
    <section className="queue-panel" aria-labelledby="queue-panel-heading">
      <h2 id="queue-panel-heading">Print queue</h2>
      {readProblem ? (
        <p className="notice notice-error" role="alert">
          {overview ? 'The figures below may be out of date. ' : ''}
          {readProblem}
        </p>
      ) : null}
      {overview === null && !readProblem ? <p role="status">Loading the queue…</p> : null}
      {overview ? (
        <>
          <PrintingState overview={overview} busy={busy} onPause={() => confirm({ kind: 'pause' })} onResume={() => confirm({ kind: 'resume' })} />
          <Counts overview={overview} />
        </>
      ) : null}
      {pending ? <Confirm pending={pending} busy={busy} onCancel={() => setPending(null)} onConfirm={() => void act(() => run(pending))} /> : null}
      {actionProblem ? (
        <p className="notice notice-error" role="alert">
          {actionProblem}
        </p>
      ) : null}
      <div aria-live="polite">{done ? <p className="notice notice-ok">{done}</p> : null}</div>
      {overview ? (
        <FailedJobs
          overview={overview}
          busy={busy}
          onRetry={(id) => void act(() => retryFailedJob(id))}
          onRemove={(id) => confirm({ kind: 'remove', id })}
          onRetryAll={() => confirm({ kind: 'retry-all', failed: overview.counts.failed })}
          onPage={setStart}
        />
      ) : null}
    </section>
  );
}

function run(action: Pending): Promise<{ message: string }> {
  switch (action.kind) {
    case 'pause':
      return pausePrinting();
    case 'resume':
      return resumePrinting();
    case 'retry-all':
      return retryAllFailedJobs();
    case 'remove':
      return removeFailedJob(action.id);
  }
}

function PrintingState({ overview, busy, onPause, onResume }: { overview: QueueOverviewResponse; busy: boolean; onPause: () => void; onResume: () => void }) {
  return (
    <div className={overview.paused ? 'notice notice-wait queue-state' : 'status-ok queue-state'}>
      {/* The server's sentence: whether printing runs and, while paused, that accepted jobs wait and nothing is lost. */}
      <p>{overview.notice}</p>
      {overview.paused ? (
        <button type="button" className="button button-primary" disabled={busy} onClick={onResume}>
          Resume printing
        </button>
      ) : (
        <button type="button" className="button button-secondary" disabled={busy} onClick={onPause}>
          Pause printing
        </button>
      )}
    </div>
  );
}

function Counts({ overview }: { overview: QueueOverviewResponse }) {
  const { counts } = overview;
  const rows: Array<[string, number]> = [
    ['Waiting', counts.waiting],
    ['Rendering', counts.active],
    ['Waiting to try again', counts.delayed],
    ['Failed', counts.failed],
    ['Done (kept)', counts.completed],
  ];
  return (
    <dl className="queue-counts" aria-label="Print jobs by state">
      {rows.map(([label, value]) => (
        <div key={label} className="queue-count">
          <dt>{label}</dt>
          <dd>{value.toLocaleString('en-GB')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The confirm step of pause, resume, retry all and remove: what will happen, in a sentence, and two buttons. */
function Confirm({ pending, busy, onCancel, onConfirm }: { pending: Pending; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [pending]);
  const text: Record<Pending['kind'], [string, string]> = {
    pause: [
      'Pause printing for every worker? Jobs already rendering finish; accepted jobs wait in the queue in their order and nothing is lost. Campaigners can still send jobs (up to the backlog limit). Printing stays paused, even across restarts, until you resume it.',
      'Pause printing',
    ],
    resume: ['Resume printing? Workers start on the waiting jobs at once, in the order they were accepted.', 'Resume printing'],
    'retry-all': [
      `Put ${pending.kind === 'retry-all' ? Math.min(pending.failed, RETRY_ALL_MAX).toLocaleString('en-GB') : ''} failed jobs back in the queue, each with a fresh set of attempts? At most ${RETRY_ALL_MAX.toLocaleString('en-GB')} at a time. Jobs that failed because of their design will fail again.`,
      'Retry all',
    ],
    remove: [`Remove failed job ${pending.kind === 'remove' ? pending.id : ''} for good? It will not be printed, and its campaigners will no longer find it.`, 'Remove job'],
  };
  const [question, action] = text[pending.kind];
  return (
    <div className="notice notice-wait queue-confirm" role="group" aria-labelledby="queue-confirm-question">
      <p id="queue-confirm-question">{question}</p>
      <p className="button-row">
        <button ref={confirmRef} type="button" className={pending.kind === 'remove' ? 'button button-secondary button-danger' : 'button button-primary'} disabled={busy} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" className="button-quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}

function FailedJobs(props: {
  overview: QueueOverviewResponse;
  busy: boolean;
  onRetry: (id: string) => void;
  onRemove: (id: string) => void;
  onRetryAll: () => void;
  onPage: (start: number) => void;
}) {
  const { failed } = props.overview;
  const first = failed.start + 1;
  const last = failed.start + failed.jobs.length;
  return (
    <section aria-labelledby="failed-jobs-heading">
      <h3 id="failed-jobs-heading">Failed print jobs</h3>
      {failed.total === 0 ? (
        <p>No print job has failed.</p>
      ) : (
        <>
          <p className="queue-failed-summary">
            {failed.total.toLocaleString('en-GB')} failed, newest first{failed.total > failed.jobs.length ? ` (showing ${first} to ${last})` : ''}.{' '}
            <button type="button" className="button-quiet" disabled={props.busy} onClick={props.onRetryAll}>
              Retry all
            </button>
          </p>
          <div className="queue-table-wrap">
            <table className="queue-table">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Format</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Why</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {failed.jobs.map((job) => (
                  <FailedRow key={job.id} job={job} busy={props.busy} onRetry={props.onRetry} onRemove={props.onRemove} />
                ))}
              </tbody>
            </table>
          </div>
          {failed.total > failed.limit ? (
            <p className="button-row">
              <button type="button" className="button-quiet" disabled={failed.start === 0} onClick={() => props.onPage(Math.max(0, failed.start - failed.limit))}>
                Newer
              </button>
              <button type="button" className="button-quiet" disabled={last >= failed.total} onClick={() => props.onPage(failed.start + failed.limit)}>
                Older
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function FailedRow({ job, busy, onRetry, onRemove }: { job: FailedJobSummary; busy: boolean; onRetry: (id: string) => void; onRemove: (id: string) => void }) {
  const format = job.format ? `${job.format.size} ${job.format.orientation}` : 'unreadable';
  const pages = job.pages === null ? '' : `, ${job.pages} ${job.pages === 1 ? 'page' : 'pages'}`;
  return (
    <tr>
      <td>
        <code className="queue-job-id">{job.id}</code>
      </td>
      <td>
        {format}
        {pages}
      </td>
      <td>{job.failedAt ? when.format(new Date(job.failedAt)) : 'unknown'}</td>
      <td>{job.attemptsMade}</td>
      <td>
        <span className={job.cause === 'design' ? 'queue-cause queue-cause-design' : 'queue-cause'}>{job.cause === 'design' ? 'The design' : 'Rosette'}</span> {job.failedReason}
        {job.cause === 'design' ? <span className="queue-cause-hint"> Retrying fails again until the campaigner changes the design.</span> : null}
      </td>
      <td>
        <span className="button-row">
          <button type="button" className="button-quiet" disabled={busy} aria-label={`Retry job ${job.id}`} onClick={() => onRetry(job.id)}>
            Retry
          </button>
          <button type="button" className="button-quiet button-danger" disabled={busy} aria-label={`Remove job ${job.id}`} onClick={() => onRemove(job.id)}>
            Remove
          </button>
        </span>
      </td>
    </tr>
  );
}

/** An error or a server's message as a sentence: capital first letter, full stop at the end. */
function sentence(value: unknown): string {
  const text = typeof value === 'string' ? value : value instanceof ApiError ? value.message : 'Something went wrong';
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}
