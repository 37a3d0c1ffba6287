import { ASSUMED_JOBS_PER_WORKER_PER_SECOND } from './drain-meter';

/**
 * Fewest waiting jobs the print queue may hold whatever the measured rate: workers that are being
 * restarted have measured nothing, and a short outage of them must not turn campaigners away.
 */
export const MIN_BACKLOG_CAP = 100;
/** Bounds of the Retry-After given when the queue is full, seconds. */
const RETRY_AFTER_MIN_S = 5;
const RETRY_AFTER_MAX_S = 3600;

/** Jobs per second the queue drains at: measured, else assumed from the live workers; null when unknown. */
export function drainRate(drainPerSecond: number | null, workers: number | null): number | null {
  if (drainPerSecond !== null) return drainPerSecond;
  return workers ? workers * ASSUMED_JOBS_PER_WORKER_PER_SECOND : null;
}

/** The most waiting jobs the queue takes: as many as drain in `maxWaitSeconds` (PRINT_MAX_WAIT_SECONDS), at least MIN_BACKLOG_CAP. */
export function backlogCap(rate: number | null, maxWaitSeconds: number): number {
  return Math.max(MIN_BACKLOG_CAP, Math.floor((rate ?? 0) * maxWaitSeconds));
}

/** When to come back to a full queue, seconds: the time until the backlog is back under the cap. */
export function retryAfterFullQueue(waiting: number, cap: number, rate: number | null): number {
  if (!rate || rate <= 0) return 60;
  const seconds = Math.ceil((waiting - cap + 1) / rate);
  return Math.min(RETRY_AFTER_MAX_S, Math.max(RETRY_AFTER_MIN_S, seconds));
}

/** Seconds until a job at this place in the queue (1 = next) starts rendering; null when not waiting or unknown. */
export function estimatedWaitSeconds(position: number | null, rate: number | null): number | null {
  if (position === null || !rate || rate <= 0) return null;
  return Math.ceil(position / rate);
}
