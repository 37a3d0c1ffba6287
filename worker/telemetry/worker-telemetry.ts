import os from 'node:os';
import type { Redis } from 'ioredis';
import { percentileOfSorted } from '../../common/api/admin-telemetry';
import { processVitals, type VitalsReading } from '../../common/node/process-vitals';
import { TelemetryPublisher, telemetryProcessId } from '../../common/node/telemetry-publisher';
import type { WorkerPoint } from '../../common/queue/telemetry-point';

/** Render times a point carries at most (an even sample of the sorted times beyond that). */
export const RENDER_SAMPLE_SIZE = 200;
/** Render times kept in memory per interval at most; beyond it, reservoir sampling keeps an unbiased subset. */
const KEPT_PER_INTERVAL = 5000;

export interface WorkerTelemetryDeps {
  processId: string;
  hostname: string;
  pid: number;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** Jobs in hand now, and how many the worker takes at once. */
  load: () => { active: number; concurrency: number };
  vitals: { read(): VitalsReading };
  /** Milliseconds since the epoch. */
  now: () => number;
  /** 0 ≤ x < 1, for reservoir sampling (Math.random unless a test passes its own). */
  random?: () => number;
}

/**
 * A worker process's figures per telemetry interval: jobs completed and failed, and the render
 * times of the PDFs it drew, from its own observations (the job events), reset at every point.
 */
export class WorkerTelemetry {
  private completed = 0;
  private failed = 0;
  private rendered = 0;
  private times: number[] = [];

  constructor(private readonly deps: WorkerTelemetryDeps) {}

  /** A job finished; `renderMs` 0 means its PDF was already stored and nothing was drawn. */
  recordCompleted(result: { renderMs: number }): void {
    this.completed += 1;
    if (result.renderMs <= 0) return;
    this.rendered += 1;
    if (this.times.length < KEPT_PER_INTERVAL) this.times.push(result.renderMs);
    else {
      const slot = Math.floor((this.deps.random ?? Math.random)() * this.rendered);
      if (slot < KEPT_PER_INTERVAL) this.times[slot] = result.renderMs;
    }
  }

  /** A job attempt failed. */
  recordFailed(): void {
    this.failed += 1;
  }

  /** The point of the interval that just ended; starts the next interval. */
  collect(intervalMs: number): WorkerPoint {
    const sorted = this.times.sort((a, b) => a - b);
    const pct = (p: number) => round1(percentileOfSorted(sorted, p) ?? 0);
    const { active, concurrency } = this.deps.load();
    const point: WorkerPoint = {
      kind: 'worker',
      id: this.deps.processId,
      pid: this.deps.pid,
      hostname: this.deps.hostname,
      startedAt: this.deps.startedAt,
      at: this.deps.now(),
      intervalMs: Math.round(intervalMs),
      ...this.deps.vitals.read(),
      completed: this.completed,
      failed: this.failed,
      active,
      concurrency,
      renderMs: sorted.length > 0 ? { p50: pct(50), p95: pct(95), p99: pct(99) } : null,
      renderSampleMs: evenSample(sorted, RENDER_SAMPLE_SIZE).map(round1),
    };
    this.completed = 0;
    this.failed = 0;
    this.rendered = 0;
    this.times = [];
    return point;
  }
}

/** At most `size` values spread evenly over a sorted list, so pooled percentiles stay close. */
export function evenSample(sorted: readonly number[], size: number): number[] {
  if (sorted.length <= size) return [...sorted];
  return Array.from({ length: size }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / size)]!);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Starts publishing this worker process's figures to Redis every TELEMETRY_INTERVAL_MS. Give it a
 * fail-fast connection of its own (a worker's BullMQ connection retries forever, which a point must
 * never wait for) and close that after stop(). Call recordCompleted/recordFailed from the job events.
 */
export function startWorkerTelemetry(deps: { redis: Redis; load: WorkerTelemetryDeps['load']; logger: { debug(obj: object, msg: string): void }; now?: () => number; intervalMs?: number }): {
  telemetry: WorkerTelemetry;
  stop(): Promise<void>;
} {
  const now = deps.now ?? Date.now;
  const hostname = os.hostname();
  const processId = telemetryProcessId('worker', hostname, process.pid);
  const vitals = processVitals();
  const telemetry = new WorkerTelemetry({ processId, hostname, pid: process.pid, startedAt: now(), load: deps.load, vitals, now });
  const publisher = new TelemetryPublisher({ redis: deps.redis, processId, collect: async (ms) => telemetry.collect(ms), logger: deps.logger, now, intervalMs: deps.intervalMs });
  publisher.start();
  return {
    telemetry,
    async stop() {
      await publisher.stop();
      vitals.stop();
    },
  };
}
