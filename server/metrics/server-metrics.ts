import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRIC } from '../../common/node/metric-names';
import { withTimeout } from '../../common/node/with-timeout';
import type { WorkerHeartbeat } from '../../common/queue/worker-heartbeat';

/** Longest a scrape waits for Redis, milliseconds: a slow Redis must not make /metrics slow too. */
export const PROBE_TIMEOUT_MS = 500;
/** One probe answer serves every gauge of one scrape (they are collected in parallel), milliseconds. */
const PROBE_REUSE_MS = 250;

/** HTTP duration buckets, seconds: from a shed answer (well under 5 ms) to a slow upload. */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The queue states counted on every scrape. */
export const QUEUE_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;

/** Where the figures read at scrape time come from; each is optional so a test can leave it out. */
export interface ServerMetricsProbes {
  /** Counts of print jobs by state: BullMQ's `queue.getJobCounts(...)`. */
  jobCounts?: (...states: Array<(typeof QUEUE_STATES)[number]>) => Promise<Record<string, number>>;
  /** The heartbeats of the live workers: `readWorkerHeartbeats(redis)`. */
  workerHeartbeats?: () => Promise<WorkerHeartbeat[]>;
  /** Every mode the process can be in, and the one it is in now (the overload engine's). */
  mode?: { modes: readonly string[]; current: () => string };
  /** Milliseconds since the epoch, for heartbeat ages. */
  now?: () => number;
}

/** What the request path records; everything else is read on scrape. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** One answered request; labels must already be bounded (see http-metrics-middleware.ts). */
  observeRequest(labels: { method: string; route: string; status: string; class: string }, seconds: number): void;
  /** A request turned away by load shedding (503). `reason` is one of the overload engine's reason constants. */
  recordShed(trafficClass: string, reason: string): void;
  /** A request refused by a rate limit (429). `limiter` names the budget: print-jobs, uploads, downloads... */
  recordRateLimited(trafficClass: string, limiter: string): void;
}

/**
 * Defines the server's metrics in `registry`. Request counts are recorded as requests end; queue
 * depth, live workers and the mode are read only when Prometheus scrapes, each with a short timeout.
 * A probe that fails or times out sets its gauges to NaN ("unknown", which no `< 1` alert mistakes
 * for zero) and `rosette_probe_up{probe}` to 0.
 */
export function createServerMetrics(registry: Registry, probes: ServerMetricsProbes = {}): ServerMetrics {
  const now = probes.now ?? Date.now;
  const requests = new Counter({
    name: METRIC.httpRequests,
    help: 'HTTP requests answered, by method, route pattern, status and traffic class.',
    labelNames: ['method', 'route', 'status', 'class'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: METRIC.httpDuration,
    help: 'Seconds from the start of a request to the end of its answer, by method, route pattern and traffic class.',
    labelNames: ['method', 'route', 'class'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const shed = new Counter({ name: METRIC.shed, help: 'Requests turned away with 503 by load shedding, by traffic class and reason.', labelNames: ['class', 'reason'], registers: [registry] });
  const limited = new Counter({ name: METRIC.rateLimited, help: 'Requests refused with 429 by a rate limit, by traffic class and limiter.', labelNames: ['class', 'limiter'], registers: [registry] });
  /** The scrape-time probes, for rosette_probe_up (gauges are collected in parallel, so it asks them itself). */
  const probesRead: Array<{ probe: string; read: () => Promise<unknown> }> = [];

  if (probes.mode) {
    const { modes, current } = probes.mode;
    new Gauge({
      name: METRIC.mode,
      help: 'The mode this server process is in: 1 for the current one, 0 for the others.',
      labelNames: ['mode'],
      registers: [registry],
      collect() {
        const mode = current();
        for (const m of modes) this.set({ mode: m }, m === mode ? 1 : 0);
      },
    });
  }

  if (probes.jobCounts) {
    const jobCounts = probes.jobCounts;
    const read = reusedFor(PROBE_REUSE_MS, () => withTimeout(jobCounts(...QUEUE_STATES), PROBE_TIMEOUT_MS, `probe timed out after ${PROBE_TIMEOUT_MS} ms`));
    probesRead.push({ probe: 'queue', read });
    new Gauge({
      name: METRIC.queueJobs,
      help: 'Print jobs in the queue, by state.',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        try {
          const counts = await read();
          for (const state of QUEUE_STATES) this.set({ state }, counts[state] ?? 0);
        } catch {
          for (const state of QUEUE_STATES) this.set({ state }, Number.NaN);
        }
      },
    });
  }

  if (probes.workerHeartbeats) {
    const heartbeats = probes.workerHeartbeats;
    const read = reusedFor(PROBE_REUSE_MS, () => withTimeout(heartbeats(), PROBE_TIMEOUT_MS, `probe timed out after ${PROBE_TIMEOUT_MS} ms`));
    probesRead.push({ probe: 'workers', read });
    const workerGauge = (name: string, help: string, figure: (beats: WorkerHeartbeat[]) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          try {
            this.set(figure(await read()));
          } catch {
            this.set(Number.NaN);
          }
        },
      });
    workerGauge(METRIC.workersLive, 'Worker processes whose heartbeat has not expired.', (beats) => beats.length);
    workerGauge(METRIC.workerSlots, 'Jobs the live workers can render at once, summed.', (beats) => sum(beats.map((b) => b.concurrency)));
    workerGauge(METRIC.workerJobsActive, 'Jobs the live workers are rendering now, summed from their heartbeats.', (beats) => sum(beats.map((b) => b.active)));
    workerGauge(METRIC.workerHeartbeatAge, 'Seconds since the stalest live worker last wrote its heartbeat (0 with no workers).', (beats) =>
      beats.length === 0 ? 0 : Math.max(0, ...beats.map((b) => (now() - b.at) / 1000)),
    );
  }

  if (probesRead.length > 0) {
    new Gauge({
      name: METRIC.probeUp,
      help: 'Whether a scrape-time probe (queue, workers) answered within its timeout (1) or not (0).',
      labelNames: ['probe'],
      registers: [registry],
      async collect() {
        await Promise.all(probesRead.map(({ probe, read }) => read().then(() => this.set({ probe }, 1), () => this.set({ probe }, 0))));
      },
    });
  }

  return {
    registry,
    observeRequest(labels, seconds) {
      requests.inc(labels);
      duration.observe({ method: labels.method, route: labels.route, class: labels.class }, seconds);
    },
    recordShed(trafficClass, reason) {
      shed.inc({ class: trafficClass, reason });
    },
    recordRateLimited(trafficClass, limiter) {
      limited.inc({ class: trafficClass, limiter });
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Calls `fn` at most once per `ms`: concurrent callers within that window share its promise. */
function reusedFor<T>(ms: number, fn: () => Promise<T>): () => Promise<T> {
  let last: { at: number; promise: Promise<T> } | null = null;
  return () => {
    const at = performance.now();
    if (!last || at - last.at > ms) last = { at, promise: fn() };
    return last.promise;
  };
}
