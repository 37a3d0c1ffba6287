import { DelayedError, UnrecoverableError } from 'bullmq';
import { StoreUnavailableError } from '../common/node/store-unavailable-error';
import type { PrintJobData, PrintJobResult } from '../common/queue/print-job';
import { renderJob, type RenderableJob, type RenderJobDeps } from './render-job';

/** How a job waits for a file store that cannot be read or written. */
export const STORE_WAIT: { firstDelayMs: number; maxDelayMs: number; giveUpAfterMs: number } = {
  /** The first wait, milliseconds; each later one doubles. */
  firstDelayMs: 2_000,
  /** The longest single wait, milliseconds: once the store is back, a job starts again within this. */
  maxDelayMs: 5 * 60_000,
  /** After this long, milliseconds, the job fails: two days is more than an operator needs to free a disk. */
  giveUpAfterMs: 48 * 3600_000,
};

/** What the processor needs of a BullMQ job besides what renderJob reads. */
export interface DelayableJob extends RenderableJob {
  id?: string;
  updateData(data: PrintJobData): Promise<void>;
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

export interface PrintProcessorDeps extends RenderJobDeps {
  /** Wall-clock milliseconds since the epoch, for the job's delay. */
  now: () => number;
  /** Told each time a job is put back to wait for the store. */
  onStoreWait?: (job: DelayableJob, error: StoreUnavailableError, delayMs: number) => void;
  /** The waits, when not STORE_WAIT (tests shorten them). */
  storeWait?: typeof STORE_WAIT;
}

/**
 * The worker's job processor: renders the job, and when the file store cannot be read or written (a full
 * disk, a read-only mount, object storage away) puts the job back, delayed, instead of failing it. Waiting
 * this way spends none of the job's render attempts (BullMQ's DelayedError), so an accepted job survives a
 * store outage of hours and completes by itself once the store is back; only after two days does it fail.
 */
export function printProcessor(deps: PrintProcessorDeps): (job: DelayableJob, token?: string) => Promise<PrintJobResult> {
  return async (job, token) => {
    const wait = deps.storeWait ?? STORE_WAIT;
    try {
      return await renderJob(job, deps);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      const data = job.data as PrintJobData;
      const now = deps.now();
      const since = data.storeWait?.since ?? now;
      const count = (data.storeWait?.count ?? 0) + 1;
      if (now - since > wait.giveUpAfterMs) {
        throw new UnrecoverableError(`${err.message}, for ${Math.round((now - since) / 3600_000)} hours; retry the job once the store is repaired`);
      }
      const delayMs = Math.min(wait.maxDelayMs, wait.firstDelayMs * 2 ** Math.min(20, count - 1));
      await job.updateData({ ...data, storeWait: { since, count } });
      await job.moveToDelayed(now + delayMs, token);
      deps.onStoreWait?.(job, err, delayMs);
      throw new DelayedError();
    }
  };
}
