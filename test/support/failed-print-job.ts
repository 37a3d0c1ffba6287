import crypto from 'node:crypto';
import { Queue } from 'bullmq';
import { PRINT_QUEUE, QUEUE_PREFIX, RENDER_JOB } from '../../common/queue/names';
import type { RunningRosette } from './in-process-rosette';
import { waitFor } from './wait-for';

/**
 * Puts a print job on the queue that the worker refuses at once (its data is not a print job, so it
 * fails as unrecoverable, the design's fault), waits until it has failed, and returns its id. For
 * tests of the admin's queue actions that need a failed job to retry or remove.
 */
export async function failedPrintJob(rosette: Pick<RunningRosette, 'redis'>, timeoutMs = 15_000): Promise<string> {
  const queue = new Queue(PRINT_QUEUE, { connection: { host: '127.0.0.1', port: rosette.redis.options.port }, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  try {
    const id = crypto.randomBytes(16).toString('hex');
    await queue.add(RENDER_JOB, { poison: true }, { jobId: id, attempts: 1 });
    await waitFor(`job ${id} failed`, async () => (await (await queue.getJob(id))?.getState()) === 'failed', timeoutMs, 25);
    return id;
  } finally {
    await queue.close();
  }
}
