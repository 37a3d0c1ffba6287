import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { PRINT_QUEUE, QUEUE_PREFIX, RUN_JOB } from '../../common/queue/names';
import { isDatabaseUnavailable } from '../database/database-unavailable-error';
import type { PrintQueue } from './print-queue';
import type { PrintRecordStatus, PrintRecordStore } from './print-record-store';
import { PROOF_MARK } from '../../common/queue/print-job';

/** The queue's job states, as print records say them (BullMQ's `unknown`, a job it no longer has, is absent). */
const STATUS_OF: Record<string, PrintRecordStatus> = {
  waiting: 'waiting',
  'waiting-children': 'waiting',
  prioritized: 'waiting',
  delayed: 'waiting',
  active: 'active',
  completed: 'done',
  failed: 'failed',
};

/** What a print record says of a job in this queue state; null when the queue does not hold the job. */
export function recordStatusOf(state: string): PrintRecordStatus | null {
  return Object.hasOwn(STATUS_OF, state) ? STATUS_OF[state]! : null;
}

/** Most writes of one event's record: a state that keeps moving while it is written is left to its next event. */
const WRITE_ROUNDS = 3;

/** What mirror() did: wrote the record, found no such job in the queue, or could not read or write now. */
export type MirrorOutcome = 'written' | 'not-in-queue' | 'not-written';

/**
 * Follows the print queue's events (BullMQ's QueueEvents, a Redis stream) and writes each job's state
 * to its print record: added, started, done (pages, PDF), failed. Every server runs one; the writes are
 * idempotent. A write that fails (PostgreSQL away) is logged and the next event of that job, a share
 * link made of it, or the catch-up (print-record-catch-up.ts: events missed while no server ran) brings
 * the record up to date.
 */
export class PrintRecordMirror {
  private events: QueueEvents | null = null;
  private connection: Redis | null = null;
  /** Writes lost because PostgreSQL was away: the catch-up then looks through the whole queue. */
  notWritten = 0;

  constructor(
    private readonly deps: { redis: Redis; queue: PrintQueue; records: PrintRecordStore; logger: Logger },
  ) {}

  start(): void {
    if (this.events) return;
    // A blocking reader of its own (XREAD BLOCK), waiting for Redis rather than failing fast.
    const connection = this.deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
    connection.on('error', () => undefined);
    const events = new QueueEvents(PRINT_QUEUE, { connection, prefix: QUEUE_PREFIX });
    events.on('error', () => undefined);
    for (const name of ['added', 'active', 'completed', 'failed'] as const) {
      events.on(name, ({ jobId }: { jobId: string }) => void this.mirror(jobId));
    }
    this.events = events;
    this.connection = connection;
  }

  async stop(): Promise<void> {
    const events = this.events;
    this.events = null;
    if (!events) return;
    await events.close().catch(() => undefined);
    this.connection?.disconnect();
    this.connection = null;
  }

  /**
   * Writes the job's current state to its record, then reads the state again and, if it has moved on
   * since it was read, writes it again (at most WRITE_ROUNDS times); resolves when done (tests and the
   * catch-up await it). Events are mirrored concurrently, by every server: a write of "active" read
   * before the job failed could land after the write of "failed" and leave the record saying "Printing
   * now" for a job that has failed. The writer of the late write sees the state move on and writes it
   * again, so the last write of all is one whose state was read after every other write.
   */
  async mirror(jobId: string): Promise<MirrorOutcome> {
    let outcome: MirrorOutcome = 'not-written';
    for (let round = 0; round < WRITE_ROUNDS; round++) {
      const written = await this.writeOnce(jobId);
      if (written === 'not-in-queue' || written === 'not-written') return round === 0 ? written : outcome;
      outcome = 'written';
      const now = await this.deps.queue.queue.getJobState(jobId).catch(() => null);
      if (now === null || recordStatusOf(now) === written.status) return outcome;
    }
    return outcome;
  }

  /** Reads the job's state and writes it to its record once: the status written, or why nothing was. */
  private async writeOnce(jobId: string): Promise<{ status: PrintRecordStatus } | Exclude<MirrorOutcome, 'written'>> {
    try {
      // The state before the job: a job read first and then found completed may have been read before it
      // finished, without its result (a done record needs its pages: the check `done_has_pdf`). Read
      // this way round, a job that finishes in between is written as active, and its own completed
      // event then writes it done.
      const state = await this.deps.queue.queue.getJobState(jobId);
      const job = await this.deps.queue.queue.getJob(jobId);
      if (!job?.id) return 'not-in-queue';
      // A print run's own job is no print job (its renders, its children, are recorded one by one).
      if (!job.data.orgId || job.name === RUN_JOB) return 'not-written';
      const status = recordStatusOf(state);
      if (status === null) return 'not-in-queue';
      const result = status === 'done' ? job.returnvalue : null;
      await this.deps.records.save({
        id: job.id,
        orgId: job.data.orgId,
        accountId: job.data.accountId ?? null,
        // A proof is named as one in the history too, as in its PDF's title: never taken for the final file.
        title: job.data.proof ? `${PROOF_MARK}: ${job.data.design.title}` : job.data.design.title,
        design: job.data.savedDesign ?? null,
        status,
        pages: result?.pages ?? null,
        bytes: result?.bytes ?? null,
        // Known from the moment the job is queued: a download is named after the title from then on.
        pdfHash: result?.pdfHash ?? job.data.pdfHash,
        createdAt: job.data.acceptedAt,
        finishedAt: status === 'done' || status === 'failed' ? (job.finishedOn ?? Date.now()) : null,
      });
      return { status };
    } catch (err) {
      if (isDatabaseUnavailable(err)) this.notWritten += 1;
      this.deps.logger.warn({ err: err instanceof Error ? err.message : String(err), jobId }, 'print record not written now; the next event of the job, or the catch-up, will');
      return 'not-written';
    }
  }
}
