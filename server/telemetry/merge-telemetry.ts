import { percentileOfSorted, TRAFFIC_GROUPS, type AdminTelemetryResponse, type PerGroup, type QueueCounts, type TelemetryBucket, type TelemetryProcess } from '../../common/api/admin-telemetry';
import type { TelemetryPoint } from '../../common/queue/telemetry-point';
import { trafficGroupOf } from './traffic-group';

export interface MergeOptions {
  /** Milliseconds since the epoch. */
  now: number;
  /** Only buckets from this time on (aligned down to a bucket), milliseconds since the epoch. */
  since: number;
  /** Bucket width, milliseconds. */
  bucketMs: number;
  /** Nothing older than now minus this, milliseconds. */
  windowMs: number;
  /** A process is live while its newest point is younger than this, milliseconds. */
  liveMs: number;
}

/** The points one process published, in any order. */
export interface ProcessPoints {
  id: string;
  points: readonly TelemetryPoint[];
}

/**
 * Merges the points of every process into aligned buckets: counts are summed over the processes and
 * turned into rates (per second for requests, per minute for jobs); the queue, the mode, event-loop
 * delay and memory take the highest reading (every server sees the same queue, and the worst process
 * is the one to look at); render times are pooled from the workers' samples before taking percentiles.
 * A point lands in the bucket that holds the middle of the interval it covers, so the small lag
 * between the interval's end and the moment it is written does not move it.
 */
export function mergeTelemetry(processes: readonly ProcessPoints[], options: MergeOptions): AdminTelemetryResponse {
  const { now, bucketMs } = options;
  const from = Math.max(alignDown(options.since, bucketMs), alignDown(now - options.windowMs, bucketMs));
  const buckets = new Map<number, Accumulator>();
  const listed: TelemetryProcess[] = [];

  for (const { id, points } of processes) {
    let newest: TelemetryPoint | null = null;
    for (const point of points) {
      if (point.at < now - options.windowMs) continue;
      if (!newest || point.at > newest.at) newest = point;
      const t = bucketOf(point, bucketMs);
      if (t < from) continue;
      let acc = buckets.get(t);
      if (!acc) buckets.set(t, (acc = new Accumulator()));
      acc.add(point);
    }
    if (newest) {
      listed.push({
        id,
        kind: newest.kind,
        pid: newest.pid,
        hostname: newest.hostname,
        startedAt: newest.startedAt,
        lastAt: newest.at,
        live: now - newest.at <= options.liveMs,
        mode: newest.kind === 'server' ? newest.mode : null,
        rssBytes: newest.rssBytes,
      });
    }
  }

  listed.sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'server' ? -1 : 1));
  return {
    now,
    bucketMs,
    windowMs: options.windowMs,
    buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([t, acc]) => acc.bucket(t, bucketMs)),
    processes: listed,
  };
}

/** The bucket a point belongs to: the one holding the middle of its interval. */
export function bucketOf(point: Pick<TelemetryPoint, 'at' | 'intervalMs'>, bucketMs: number): number {
  return alignDown(point.at - Math.min(point.intervalMs, bucketMs) / 2, bucketMs);
}

function alignDown(t: number, step: number): number {
  return Math.floor(t / step) * step;
}

const zeroes = (): PerGroup => Object.fromEntries(TRAFFIC_GROUPS.map((g) => [g, 0])) as PerGroup;

class Accumulator {
  private readonly servers = new Set<string>();
  private readonly workers = new Set<string>();
  private readonly served = zeroes();
  private readonly shed = zeroes();
  private rung: number | null = null;
  private queue: QueueCounts | null = null;
  private completed = 0;
  private failed = 0;
  private readonly renderTimes: number[] = [];
  private serverLoopDelayMs: number | null = null;
  private workerLoopDelayMs: number | null = null;
  private serverLoopUtilization: number | null = null;
  private serverRssBytes: number | null = null;
  private workerRssBytes: number | null = null;

  add(point: TelemetryPoint): void {
    if (point.kind === 'server') {
      this.servers.add(point.id);
      for (const [label, n] of Object.entries(point.served)) this.served[trafficGroupOf(label)] += n;
      for (const [label, n] of Object.entries(point.shed)) this.shed[trafficGroupOf(label)] += n;
      this.rung = max(this.rung, point.rung);
      if (point.queue) {
        const q = point.queue;
        this.queue = this.queue
          ? {
              waiting: Math.max(this.queue.waiting, q.waiting),
              active: Math.max(this.queue.active, q.active),
              failed: Math.max(this.queue.failed, q.failed),
              delayed: Math.max(this.queue.delayed, q.delayed),
              paused: this.queue.paused || q.paused,
            }
          : { ...q };
      }
      this.serverLoopDelayMs = max(this.serverLoopDelayMs, point.loopDelayP99Ms);
      this.serverLoopUtilization = max(this.serverLoopUtilization, point.loopUtilization);
      this.serverRssBytes = max(this.serverRssBytes, point.rssBytes);
    } else {
      this.workers.add(point.id);
      this.completed += point.completed;
      this.failed += point.failed;
      this.renderTimes.push(...point.renderSampleMs);
      this.workerLoopDelayMs = max(this.workerLoopDelayMs, point.loopDelayP99Ms);
      this.workerRssBytes = max(this.workerRssBytes, point.rssBytes);
    }
  }

  bucket(t: number, bucketMs: number): TelemetryBucket {
    const perSecond = (counts: PerGroup) => Object.fromEntries(TRAFFIC_GROUPS.map((g) => [g, round2((counts[g] * 1000) / bucketMs)])) as PerGroup;
    const perMinute = (n: number) => (this.workers.size > 0 ? round2((n * 60_000) / bucketMs) : null);
    const sorted = this.renderTimes.sort((a, b) => a - b);
    return {
      t,
      servers: this.servers.size,
      workers: this.workers.size,
      served: perSecond(this.served),
      shed: perSecond(this.shed),
      rung: this.rung,
      queue: this.queue,
      jobsPerMinute: perMinute(this.completed),
      failedPerMinute: perMinute(this.failed),
      renderMs: sorted.length > 0 ? { p50: percentileOfSorted(sorted, 50)!, p95: percentileOfSorted(sorted, 95)!, p99: percentileOfSorted(sorted, 99)! } : null,
      serverLoopDelayMs: this.serverLoopDelayMs === null ? null : round2(this.serverLoopDelayMs),
      workerLoopDelayMs: this.workerLoopDelayMs === null ? null : round2(this.workerLoopDelayMs),
      serverLoopUtilization: this.serverLoopUtilization === null ? null : round2(this.serverLoopUtilization),
      serverRssBytes: this.serverRssBytes,
      workerRssBytes: this.workerRssBytes,
    };
  }
}

function max(a: number | null, b: number): number {
  return a === null ? b : Math.max(a, b);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
