import type { AdminTelemetryResponse, TelemetryBucket } from '../../../common/api/admin-telemetry';

/** Buckets asked for again at each poll: the newest ones may have been missing a process's point. */
const REFRESHED_BUCKETS = 2;

/** What the console keeps of the telemetry between polls. */
export interface TelemetryHistory {
  buckets: TelemetryBucket[];
  processes: AdminTelemetryResponse['processes'];
  bucketMs: number;
  windowMs: number;
  /** The server's clock at the last answer, milliseconds since the epoch. */
  now: number;
}

/**
 * Adds an answer to what the console already has: a bucket that comes again replaces the old copy (it
 * may now hold more processes' points), buckets older than the window are dropped, and the list stays
 * ordered by time.
 */
export function mergeHistory(previous: TelemetryHistory | null, answer: AdminTelemetryResponse): TelemetryHistory {
  const byTime = new Map<number, TelemetryBucket>();
  for (const b of previous?.buckets ?? []) byTime.set(b.t, b);
  for (const b of answer.buckets) byTime.set(b.t, b);
  const oldest = answer.now - answer.windowMs;
  const buckets = [...byTime.values()].filter((b) => b.t >= oldest).sort((a, b) => a.t - b.t);
  return { buckets, processes: answer.processes, bucketMs: answer.bucketMs, windowMs: answer.windowMs, now: answer.now };
}

/** The `since` of the next poll: a little before the newest bucket held, or null for the whole window. */
export function nextSince(history: TelemetryHistory | null): number | null {
  const last = history?.buckets.at(-1);
  return last ? last.t - (REFRESHED_BUCKETS - 1) * history!.bucketMs : null;
}
