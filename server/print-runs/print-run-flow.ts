import type { PrintJobStatus } from '../../common/queue/print-job';
import { statusOf } from '../print-jobs/print-queue';
import { FlowProducer, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB, RUN_JOB, runJobId } from '../../common/queue/names';
import { DESIGN_ERROR_PREFIX, type PrintJobData, type PrintJobResult } from '../../common/queue/print-job';
import type { PrintRunJobData } from '../../common/queue/print-run-job';
import { RENDER_ATTEMPTS } from '../print-jobs/print-queue';

/** How long finished runs stay in the queue, seconds (the record in PostgreSQL stays for good). */
const KEEP_SECONDS = 30 * 24 * 3600;

/** A variant's render as the run's child job. */
export interface RunChild {
  jobId: string;
  data: PrintJobData;
}

/** Where a run's render stands, as the queue says. */
export type RunJobState = PrintJobStatus | 'gone';

/**
 * A print run on the print queue, as a BullMQ flow: a parent job (RUN_JOB) whose children are the
 * variants' renders, ordinary RENDER_JOBs with the print jobs' attempts and backoff. The parent moves
 * to the wait list only once every child has completed, so the worker's run step sees a whole run. A
 * child that fails after its attempts keeps the parent waiting (BullMQ's default), until it is retried
 * alone (retry()) and completes.
 */
export class PrintRunFlow {
  private readonly producer: FlowProducer;

  constructor(
    redis: Redis,
    private readonly queue: Queue<PrintJobData, PrintJobResult>,
  ) {
    // As the print queue (print-queue.ts): no one-off check at construction that could fail it for good.
    this.producer = new FlowProducer({ connection: redis, prefix: QUEUE_PREFIX, skipWaitingForReady: true, skipVersionCheck: true });
    this.producer.on('error', () => undefined);
  }

  /** Adds the run and its children in one step: all of them, or (on an error) none. */
  async add(data: PrintRunJobData, children: readonly RunChild[]): Promise<void> {
    const keep = { removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } };
    await this.producer.add({
      name: RUN_JOB,
      queueName: PRINT_QUEUE,
      data,
      opts: { jobId: runJobId(data.runId), attempts: RENDER_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, ...keep },
      children: children.map((c) => ({
        name: RENDER_JOB,
        queueName: PRINT_QUEUE,
        data: c.data,
        opts: { jobId: c.jobId, attempts: RENDER_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, ...keep },
      })),
    });
  }

  /** The state of each job (by id), read together. */
  async states(jobIds: readonly string[]): Promise<Map<string, RunJobState>> {
    const states = await Promise.all(jobIds.map((id) => this.queue.getJobState(id)));
    return new Map(jobIds.map((id, i) => [id, stateOf(states[i]!)]));
  }

  /** The run's own (parent) job state. */
  async runState(runId: string): Promise<RunJobState> {
    return stateOf(await this.queue.getJobState(runJobId(runId)));
  }

  /**
   * Why a failed job failed, in words for the campaigner: a design's fault as the worker said it, or
   * `otherwise` (a render's default: it failed after its attempts).
   */
  async failure(jobId: string, otherwise?: string): Promise<string> {
    const job = await this.queue.getJob(jobId);
    const reason = job?.failedReason ?? '';
    if (reason.startsWith(DESIGN_ERROR_PREFIX)) return reason.slice(DESIGN_ERROR_PREFIX.length);
    return otherwise ?? `rendering failed after ${job?.attemptsMade ?? RENDER_ATTEMPTS} attempts; retry this version`;
  }

  /** Puts a failed job (a render, or the run's own step) back on the queue; false when it is not failed (done, waiting or gone). */
  async retry(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job || (await job.getState()) !== 'failed') return false;
    await job.retry('failed');
    return true;
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

/** A version's state: a print job's status, or gone when the queue no longer has its job. */
function stateOf(state: string): RunJobState {
  return state === 'unknown' ? 'gone' : statusOf(state);
}
