import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Design } from '../../common/design/design-schema';
import { PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB } from '../../common/queue/names';
import { DESIGN_ERROR_PREFIX, printJobResultSchema, type PrintJobData, type PrintJobResult, type PrintJobStatus } from '../../common/queue/print-job';

/** How long finished and failed jobs stay queryable, seconds. */
const KEEP_SECONDS = 30 * 24 * 3600;
/**
 * At most this many finished (and failed) jobs are kept, whatever their age. A job holds its whole
 * design (about 6 KB in Redis): without a cap, a flood of distinct designs would fill a noeviction
 * Redis with history until it refused new jobs. The PDFs themselves stay in the file store.
 */
const KEEP_COMPLETED = 50_000;
const KEEP_FAILED = 10_000;

/** Attempts for a render before the job is failed (transient errors only; invalid data fails at once). */
export const RENDER_ATTEMPTS = 5;

export interface PrintJobView {
  id: string;
  status: PrintJobStatus;
  /** 0-100. */
  progress: number;
  /** 1 = next to render; null when not waiting. */
  position: number | null;
  acceptedAt: number;
  result: PrintJobResult | null;
  /** A message safe to show the campaigner, when failed. */
  failure: string | null;
  attemptsMade: number;
  /** The organisation that sent it; null for jobs from before accounts existed (nobody sees those). */
  orgId: string | null;
  /** A proof (marked across every page), not a final file. */
  proof: boolean;
}

/** The server's side of the print queue: enqueue idempotently, read status and queue position. */
export class PrintQueue {
  readonly queue: Queue<PrintJobData, PrintJobResult>;

  constructor(private readonly redis: Redis) {
    // BullMQ makes a queue's connection once, with its version check (an INFO) as part of it; should
    // that one command fail (Redis not up yet, or stuck in a long fork, past the fail-fast connection's
    // 1 s) the queue stays failed for the life of the process, every print job 503. Skipped here, so
    // only each command meets Redis as it is then; the version is checked at start (assertRedisVersion).
    this.queue = new Queue<PrintJobData, PrintJobResult>(PRINT_QUEUE, { connection: redis, prefix: QUEUE_PREFIX, skipWaitingForReady: true, skipVersionCheck: true });
  }

  /**
   * Adds the job unless one with this id exists (BullMQ keeps the existing one). A job that failed for
   * good is retried, since the campaigner is asking again.
   */
  async enqueue(id: string, data: PrintJobData): Promise<PrintJobView> {
    const existing = await this.queue.getJob(id);
    if (existing) {
      if ((await existing.getState()) === 'failed') await existing.retry('failed');
      return this.view(existing);
    }
    const job = await this.queue.add(RENDER_JOB, data, {
      jobId: id,
      attempts: RENDER_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: KEEP_SECONDS, count: KEEP_COMPLETED },
      removeOnFail: { age: KEEP_SECONDS, count: KEEP_FAILED },
    });
    return this.view(job);
  }

  /** The job's status, or null when there is no such job. */
  async find(id: string): Promise<PrintJobView | null> {
    const job = await this.queue.getJob(id);
    return job ? this.view(job) : null;
  }

  /** The design a job prints, or null when there is no such job. */
  async findDesign(id: string): Promise<Design | null> {
    const job = await this.queue.getJob(id);
    return job ? job.data.design : null;
  }

  /** Jobs waiting to be rendered. */
  async waitingCount(): Promise<number> {
    return this.queue.getWaitingCount();
  }

  close(): Promise<void> {
    return this.queue.close();
  }

  private async view(fetched: Job<PrintJobData, PrintJobResult>): Promise<PrintJobView> {
    let job = fetched;
    // Position first: a job found in the wait list is queued even if a worker takes it a moment later.
    const position = await this.position(job.id!);
    const state = position !== null ? 'waiting' : await job.getState();
    const status = statusOf(state);
    // The job was read before it finished: read it again for its result or failure.
    if ((status === 'done' && job.returnvalue == null) || (status === 'failed' && !job.failedReason)) job = (await this.queue.getJob(job.id!)) ?? job;
    const parsed = status === 'done' ? printJobResultSchema.safeParse(job.returnvalue) : null;
    return {
      id: job.id!,
      status,
      progress: status === 'done' ? 100 : typeof job.progress === 'number' ? job.progress : 0,
      position,
      acceptedAt: job.data.acceptedAt,
      result: parsed?.success ? parsed.data : null,
      failure: status === 'failed' ? failureMessage(job) : null,
      attemptsMade: job.attemptsMade,
      orgId: job.data.orgId ?? null,
      proof: job.data.proof === true,
    };
  }

  /** 1-based place in the wait list; BullMQ pushes on the left and workers take from the right. */
  private async position(id: string): Promise<number | null> {
    const key = this.queue.toKey('wait');
    const [index, length] = await Promise.all([this.redis.lpos(key, id), this.redis.llen(key)]);
    return index === null ? null : length - index;
  }
}

/** A print job's status from BullMQ's state of its job (print runs read their versions with it too). */
export function statusOf(state: string): PrintJobStatus {
  switch (state) {
    case 'active':
      return 'rendering';
    case 'completed':
      return 'done';
    case 'failed':
      return 'failed';
    default:
      return 'queued';
  }
}

function failureMessage(job: Job): string {
  const reason = job.failedReason ?? '';
  if (reason.startsWith(DESIGN_ERROR_PREFIX)) return reason.slice(DESIGN_ERROR_PREFIX.length);
  return `rendering failed after ${job.attemptsMade} attempts; send the design again to retry`;
}
