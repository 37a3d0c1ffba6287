/**
 * The JSON of GET /api/admin/telemetry: the live figures of every server and worker process, merged
 * into aligned time buckets. Shared by the server that builds it and the admin console that draws it.
 * It holds no personal data: counts, durations, sizes and process ids only.
 */

/** How often every process publishes one point, and the width of one bucket, milliseconds. */
export const TELEMETRY_INTERVAL_MS = 2000;
/** How far back the figures go, milliseconds (each process keeps this many points, no more). */
export const TELEMETRY_WINDOW_MS = 10 * 60_000;
/** A process whose newest point is older than this is no longer live, milliseconds (three intervals). */
export const TELEMETRY_LIVE_MS = 3 * TELEMETRY_INTERVAL_MS;

/**
 * The traffic classes the console draws, coarser than the overload gate's route kinds: home and
 * other pages, API calls, print job submissions, downloads (and share links), the admin console,
 * health checks; anything else counts as `other`.
 */
export const TRAFFIC_GROUPS = ['page', 'api', 'print', 'download', 'admin', 'health', 'other'] as const;
export type TrafficGroup = (typeof TRAFFIC_GROUPS)[number];

/** A count per traffic class. */
export type PerGroup = Record<TrafficGroup, number>;

/** The print queue's counts (the same queue seen by every server: the highest reading of the bucket). */
export interface QueueCounts {
  waiting: number;
  active: number;
  failed: number;
  delayed: number;
  /** An admin paused printing (the workers take no new jobs). */
  paused: boolean;
}

/** One time bucket, every live process merged. A figure is null when no process reported it in the bucket. */
export interface TelemetryBucket {
  /** Start of the bucket, milliseconds since the epoch; buckets are TELEMETRY_INTERVAL_MS wide. */
  t: number;
  /** Server processes that reported in this bucket. */
  servers: number;
  /** Worker processes that reported in this bucket (the live workers). */
  workers: number;
  /** Requests answered with anything but 429/503, per second, summed over the servers. */
  served: PerGroup;
  /** Requests shed (503 from the overload gate or the app, 429 from a rate limit), per second, summed over the servers. */
  shed: PerGroup;
  /** Highest mode rung of any server: 0 normal, 1 busy, 2 degraded, 3 maintenance. */
  rung: number | null;
  queue: QueueCounts | null;
  /** Print jobs the workers completed, per minute. */
  jobsPerMinute: number | null;
  /** Print job attempts that failed, per minute. */
  failedPerMinute: number | null;
  /** Render time percentiles of the PDFs drawn in this bucket, pooled over the workers, milliseconds. */
  renderMs: { p50: number; p95: number; p99: number } | null;
  /** Event-loop delay p99 over the interval, the worst server's, milliseconds. */
  serverLoopDelayMs: number | null;
  /** Event-loop delay p99 over the interval, the worst worker's, milliseconds. */
  workerLoopDelayMs: number | null;
  /** Share of the interval the busiest server's event loop worked, 0-1. */
  serverLoopUtilization: number | null;
  /** Resident memory of the largest server process, bytes. */
  serverRssBytes: number | null;
  /** Resident memory of the largest worker process, bytes. */
  workerRssBytes: number | null;
}

/** A process that published figures within the window. */
export interface TelemetryProcess {
  /** `server-` or `worker-` then host name, process id and a random suffix. */
  id: string;
  kind: 'server' | 'worker';
  pid: number;
  hostname: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** Time of its newest point, milliseconds since the epoch. */
  lastAt: number;
  /** Its newest point is younger than TELEMETRY_LIVE_MS. */
  live: boolean;
  /** A server's mode in its newest point; null for workers. */
  mode: string | null;
  /** Resident memory in its newest point, bytes. */
  rssBytes: number;
}

/** The body of GET /api/admin/telemetry. */
export interface AdminTelemetryResponse {
  /** The server's clock when it answered, milliseconds since the epoch. */
  now: number;
  /** Width of a bucket, milliseconds. */
  bucketMs: number;
  /** How far back the figures can go, milliseconds. */
  windowMs: number;
  /** Buckets from `since` (aligned down) up to now, oldest first; a bucket nobody reported in is left out. */
  buckets: TelemetryBucket[];
  /** Every process with a point in the window, servers first. */
  processes: TelemetryProcess[];
}

/** Percentile `p` (0-100) of values sorted ascending, by the nearest-rank method; null for none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
