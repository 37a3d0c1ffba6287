import { ErrorCode, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import {
  RETRY_ALL_MAX,
  type FailedJobActionResponse,
  type QueueCounts,
  type QueueOverviewResponse,
  type QueuePauseResponse,
  type RetryAllResponse,
} from '../../common/api/admin-queue';
import type { PrintJobData, PrintJobResult } from '../../common/queue/print-job';
import type { AuditAction, AuditLog } from '../audit/audit-log';
import { AppError } from '../http/app-error';
import { isRedisUnavailable } from '../http/redis-unavailable';
import { failedJobSummary } from './failed-job-summary';

/** Retries sent to Redis at once by retry-all (each is a script call; one connection pipelines them). */
const RETRY_BATCH = 50;

/** What pausing means for campaigners, said to the admin in the response and the console alike. */
export const PAUSED_MESSAGE =
  'Printing is paused: no worker starts a new print job (those already rendering finish). Accepted jobs keep their place in the queue and nothing is lost; campaigners can still send jobs, up to the backlog cap, and everything waiting prints once printing is resumed. The pause is kept in Redis, so it stays on across server and worker restarts until an admin resumes printing.';
export const RUNNING_MESSAGE = 'Printing is running: workers take waiting jobs in the order they were accepted.';

export interface QueueActionsDeps {
  queue: Queue<PrintJobData, PrintJobResult>;
  audit: AuditLog;
  logger: Logger;
  /** Called after this process paused or resumed printing, so its own overload state knows at once (the others read it within a sample). */
  onPausedChange?: (paused: boolean) => void;
}

/**
 * What an admin does to the print queue: read its counts and failed jobs, pause and resume printing,
 * retry or remove failed jobs. Each change is written to the audit log (naming the admin's account id)
 * and to the log. Redis being away is a 503 with a sentence saying what could not be done.
 */
export class QueueActions {
  constructor(private readonly deps: QueueActionsDeps) {}

  /** Counts, whether printing is paused, and one page of failed jobs (newest failure first). */
  async overview(page: { start: number; limit: number }): Promise<QueueOverviewResponse> {
    const { queue } = this.deps;
    const [raw, paused, jobs] = await unavailableAs('the print queue cannot be read', () =>
      Promise.all([
        queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
        queue.isPaused(),
        queue.getFailed(page.start, page.start + page.limit - 1),
      ]),
    );
    const n = (state: string) => raw[state] ?? 0;
    // A pause leaves jobs in `wait` (BullMQ 6 only sets a flag), so they are counted as waiting.
    const counts: QueueCounts = { waiting: n('waiting') + n('prioritized'), active: n('active'), delayed: n('delayed'), failed: n('failed'), completed: n('completed') };
    return {
      paused,
      counts,
      failed: { start: page.start, limit: page.limit, total: counts.failed, jobs: jobs.filter(Boolean).map(failedJobSummary) },
      notice: paused ? PAUSED_MESSAGE : RUNNING_MESSAGE,
    };
  }

  /** Pauses printing for every worker (BullMQ's global pause, kept in Redis). */
  pause(actorId: string): Promise<QueuePauseResponse> {
    return this.setPaused(actorId, true);
  }

  /** Lets every worker take jobs again. */
  resume(actorId: string): Promise<QueuePauseResponse> {
    return this.setPaused(actorId, false);
  }

  /** Moves one failed job back to the queue, with a fresh set of attempts. */
  async retryFailed(actorId: string, id: string): Promise<FailedJobActionResponse> {
    const job = await this.failedJob(id, 'retried');
    await unavailableAs('the job could not be retried', () => retry(job)).catch((err: unknown) => {
      throw raceAs(err, id, 'retried');
    });
    await this.record('job.retried', actorId, id);
    return { id, outcome: 'retried', message: `print job ${id} is back in the queue with a fresh set of attempts` };
  }

  /**
   * Deletes one failed job for good (its campaigners then see it as not found). BullMQ's removal has no
   * state condition: the state is checked just before, so a job that a campaigner re-sends in the same
   * few milliseconds could still go; an admin removes jobs that failed long ago, when that cannot happen.
   */
  async removeFailed(actorId: string, id: string): Promise<FailedJobActionResponse> {
    const job = await this.failedJob(id, 'removed');
    await unavailableAs('the job could not be removed', () => job.remove()).catch((err: unknown) => {
      throw raceAs(err, id, 'removed');
    });
    await this.record('job.removed', actorId, id);
    return { id, outcome: 'removed', message: `print job ${id} was removed; it will not be printed` };
  }

  /** Moves up to RETRY_ALL_MAX failed jobs (the newest failures first) back to the queue. */
  async retryAllFailed(actorId: string): Promise<RetryAllResponse> {
    const { queue } = this.deps;
    const ids = await unavailableAs('the failed jobs cannot be read', () => queue.getRanges(['failed'], 0, RETRY_ALL_MAX - 1));
    let retried = 0;
    await unavailableAs('retrying stopped part way; look at the queue again to see what is left', async () => {
      for (let i = 0; i < ids.length; i += RETRY_BATCH) {
        const outcomes = await Promise.all(
          ids.slice(i, i + RETRY_BATCH).map(async (id) => {
            const job = await queue.getJob(id);
            // Gone or retried since the list was read (another admin, a campaigner re-sending): not ours to count.
            return job ? retry(job).then(() => 1, (err: unknown) => (isRaceError(err) ? 0 : Promise.reject(err))) : 0;
          }),
        );
        retried += outcomes.reduce<number>((a, b) => a + b, 0);
      }
    }).finally(async () => {
      if (retried > 0) await this.record('jobs.retried', actorId, null, { retried });
    });
    const remaining = await queue.getFailedCount().catch(() => 0);
    const more = remaining > 0 ? `; ${remaining} still failed (retry all again for the next ${RETRY_ALL_MAX})` : '';
    return { retried, remaining, message: `${retried} failed print ${retried === 1 ? 'job is' : 'jobs are'} back in the queue${more}` };
  }

  private async setPaused(actorId: string, paused: boolean): Promise<QueuePauseResponse> {
    const { queue } = this.deps;
    const changed = await unavailableAs(`printing could not be ${paused ? 'paused' : 'resumed'}`, async () => {
      if ((await queue.isPaused()) === paused) return false;
      await (paused ? queue.pause() : queue.resume());
      return true;
    });
    this.deps.onPausedChange?.(paused);
    // Only a change is audited: pressing the button twice does not look like two pauses.
    if (changed) await this.record(paused ? 'queue.paused' : 'queue.resumed', actorId, null);
    else this.deps.logger.info({ actorId, paused }, 'print queue already in the state asked for');
    return { paused, changed, message: paused ? PAUSED_MESSAGE : RUNNING_MESSAGE };
  }

  /** The job with this id, which must be failed: 404 when there is none, 409 when it is in another state. */
  private async failedJob(id: string, doing: 'retried' | 'removed'): Promise<Job<PrintJobData, PrintJobResult>> {
    const { job, state } = await unavailableAs('the print queue cannot be read', async () => {
      const found = await this.deps.queue.getJob(id);
      return { job: found, state: found ? await found.getState() : null };
    });
    if (!job || state === 'unknown') throw notFound(id);
    if (state !== 'failed') throw notFailed(id, state ?? 'unknown', doing);
    return job;
  }

  private async record(action: AuditAction, actorId: string, jobId: string | null, extra: Record<string, number> = {}): Promise<void> {
    this.deps.logger.info({ action, actorId, jobId, ...extra }, 'admin queue action');
    // The action is done; an audit entry that cannot be written is logged rather than failing the answer.
    await this.deps.audit.record(action, actorId, jobId).catch((err: unknown) => this.deps.logger.error({ err, action, actorId, jobId }, 'audit entry not written'));
  }
}

function retry(job: Job): Promise<void> {
  return job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
}

/** BullMQ's answer when the job was removed or changed state between our read and the action. */
function isRaceError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === ErrorCode.JobNotExist || code === ErrorCode.JobNotInState || (err instanceof Error && /locked by another worker/.test(err.message));
}

function raceAs(err: unknown, id: string, doing: 'retried' | 'removed'): unknown {
  if (!isRaceError(err)) return err;
  return (err as { code?: unknown }).code === ErrorCode.JobNotExist ? notFound(id) : notFailed(id, 'no longer failed', doing);
}

function notFound(id: string): AppError {
  return new AppError(404, 'not_found', `id: no print job has the id ${id}`, [{ path: 'id', message: 'no print job has this id' }]);
}

function notFailed(id: string, state: string, doing: 'retried' | 'removed'): AppError {
  return new AppError(409, 'job_not_failed', `print job ${id} is ${state}, not failed; only failed jobs can be ${doing}`, [{ path: 'id', message: `the job is ${state}, not failed` }]);
}

/** Runs `work`; Redis being unreachable becomes a 503 saying `what` (anything else is passed on). */
async function unavailableAs<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isRedisUnavailable(err)) throw err;
    throw new AppError(503, 'queue_unavailable', `${what}: Redis, which keeps the print queue, cannot be reached just now; try again in a few seconds`, [], { 'Retry-After': '5' });
  }
}
