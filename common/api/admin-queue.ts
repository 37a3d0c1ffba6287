/**
 * The JSON of the admin's queue actions (/api/admin/queue...), shared by the server that builds it and
 * the client that reads it. Nothing here is personal data: a job is told by its id, its paper format
 * and page count, never by its title, text, imprint (printer and promoter names and addresses) or
 * organisation.
 */

/** Most failed jobs one GET /api/admin/queue lists (`limit`). */
export const FAILED_PAGE_MAX = 100;
/** Failed jobs listed when the request names no `limit`. */
export const FAILED_PAGE_DEFAULT = 20;
/** Most failed jobs one POST /api/admin/queue/failed/retry-all moves back to the queue. */
export const RETRY_ALL_MAX = 1000;
/** Longest failure reason shown, characters (longer ones are cut and end in "…"). */
export const FAILED_REASON_MAX = 300;

/** Jobs in each state of the print queue. */
export interface QueueCounts {
  /** Accepted and waiting for a worker (while printing is paused, every accepted job waits here). */
  waiting: number;
  /** Being rendered now. */
  active: number;
  /** Waiting for their next attempt after a failed one (backoff). */
  delayed: number;
  /** Failed for good (every attempt used, or the design cannot be printed); kept until retried or removed. */
  failed: number;
  /** Rendered; BullMQ keeps the newest (print-queue.ts caps how many). */
  completed: number;
}

/**
 * Whose fault a failure is: `design` when the worker found the design cannot be printed (retrying will
 * fail again until the campaigner changes it), `system` for anything else (a storage outage, a crash,
 * a render that ran out of attempts), which a retry may cure once the cause is gone.
 */
export type FailureCause = 'design' | 'system';

/** A failed print job, as much as an admin needs to decide whether to retry or remove it. */
export interface FailedJobSummary {
  /** The print job id (32 hex digits). */
  id: string;
  /** Paper size name (`A5` ...) and orientation; null when the job's data is not a readable design. */
  format: { size: string; orientation: string } | null;
  /** Pages of the design (1 or 2); null when unreadable. */
  pages: number | null;
  /** Attempts the worker made before the job failed. */
  attemptsMade: number;
  cause: FailureCause;
  /** The worker's own sentence for the failure, on one line, at most FAILED_REASON_MAX characters. */
  failedReason: string;
  /** When the job entered the queue, ISO 8601. */
  queuedAt: string;
  /** When its last attempt failed, ISO 8601; null if unknown. */
  failedAt: string | null;
}

/** GET /api/admin/queue. */
export interface QueueOverviewResponse {
  /** True while printing is paused for every worker (the pause is kept in Redis, so it outlasts restarts). */
  paused: boolean;
  counts: QueueCounts;
  /** One page of failed jobs, newest failure first. */
  failed: {
    /** Zero-based offset of the first job listed. */
    start: number;
    limit: number;
    /** Failed jobs in all (the same as counts.failed, read at the same moment). */
    total: number;
    jobs: FailedJobSummary[];
  };
  /** A sentence for the admin on what the queue is doing, e.g. that accepted jobs wait while paused. */
  notice: string;
}

/** POST /api/admin/queue/pause and /resume. */
export interface QueuePauseResponse {
  paused: boolean;
  /** False when the queue already was in the state asked for (the call then changes nothing). */
  changed: boolean;
  /** What this means for accepted and new print jobs, in a sentence. */
  message: string;
}

/** POST /api/admin/queue/failed/:id/retry and DELETE /api/admin/queue/failed/:id. */
export interface FailedJobActionResponse {
  id: string;
  /** `retried`: back in the queue with a fresh set of attempts; `removed`: deleted for good. */
  outcome: 'retried' | 'removed';
  message: string;
}

/** POST /api/admin/queue/failed/retry-all. */
export interface RetryAllResponse {
  /** Failed jobs moved back to the queue by this call (at most RETRY_ALL_MAX). */
  retried: number;
  /** Failed jobs still left (call again to retry more of them). */
  remaining: number;
  message: string;
}
