import { DrainMeter } from './drain-meter';
import { ewma } from './ewma';
import type { OverloadProbes } from './probes';
import type { Signals } from './signals';

/** Milliseconds between samples. */
export const SAMPLE_INTERVAL_MS = 500;
/** Time constant of the smoothing of event-loop and Redis latency readings, milliseconds. */
export const SMOOTHING_TAU_MS = 2000;
/** Longest backlog estimate reported, seconds (a backlog with no drain at all would be infinite). */
const MAX_BACKLOG_SECONDS = 86_400;

/** What one sample found: the smoothed signals for the ladder, and the raw figures admission control needs. */
export interface Sample {
  /** Milliseconds (of the injected clock). */
  at: number;
  signals: Signals;
  redisUp: boolean;
  /** The print queue as last read (kept from an earlier sample while Redis is down); null before the first reading. */
  queue: { waiting: number; active: number; workers: number | null; drainPerSecond: number | null; paused: boolean } | null;
  memory: { heapUsedBytes: number; rssBytes: number };
}

export interface SamplerOptions {
  probes: OverloadProbes;
  /** Milliseconds. */
  clock: () => number;
  /** Memory one server process should stay under, bytes (RSS_LIMIT_MB). */
  rssLimitBytes: number;
  onSample: (sample: Sample) => void;
  /** Milliseconds between samples; SAMPLE_INTERVAL_MS by default. */
  intervalMs?: number;
  /** Smoothing time constant, milliseconds; SMOOTHING_TAU_MS by default. */
  tauMs?: number;
}

/**
 * Measures on an unref()'d timer, never on the request path: the event loop, memory, Redis and the
 * print queue, smoothed. Each sample goes to `onSample`; tests call `sampleOnce()` with fake probes
 * and a fake clock instead of starting the timer.
 */
export class SignalSampler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private lastAt: number | null = null;
  // Start from calm: the first sample's dt is 0, so its readings (start-up work) carry no weight.
  private delay = 0;
  private utilization = 0;
  private redisLatency = 0;
  private databaseLatency = 0;
  private queue: Sample['queue'] = null;
  private readonly drain = new DrainMeter();

  constructor(private readonly options: SamplerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow PING must not stack samples up
      void this.sampleOnce().catch(() => undefined);
    }, this.options.intervalMs ?? SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sampleOnce(): Promise<Sample> {
    this.running = true;
    try {
      const { probes, clock } = this.options;
      const loop = probes.eventLoop();
      const memory = probes.memory();
      const redis = await probes.redis();
      const reading = redis.up ? await probes.queue().catch(() => null) : null;
      const database = probes.database ? await probes.database().catch(() => ({ up: false, latencyMs: null })) : { up: true, latencyMs: 0 };
      const now = clock();
      const dt = this.lastAt === null ? 0 : now - this.lastAt;
      this.lastAt = now;
      const tau = this.options.tauMs ?? SMOOTHING_TAU_MS;
      this.delay = ewma(this.delay, loop.delayMs, dt, tau);
      this.utilization = ewma(this.utilization, loop.utilization, dt, tau);
      if (redis.latencyMs !== null) this.redisLatency = ewma(this.redisLatency, redis.latencyMs, dt, tau);
      if (database.latencyMs !== null) this.databaseLatency = ewma(this.databaseLatency, database.latencyMs, dt, tau);
      if (reading) {
        const paused = reading.paused ?? false;
        this.drain.update(reading.finished, reading.waiting + reading.active, reading.workers ?? 0, now, paused);
        this.queue = { waiting: reading.waiting, active: reading.active, workers: reading.workers, drainPerSecond: this.drain.perSecond(), paused };
      }
      const queue = this.queue;
      const signals: Signals = {
        eventLoopDelayMs: this.delay,
        eventLoopUtilization: this.utilization,
        heapUsedRatio: memory.heapUsedBytes / memory.heapLimitBytes,
        rssRatio: memory.rssBytes / this.options.rssLimitBytes,
        redisDown: redis.up ? 0 : 1,
        redisLatencyMs: this.redisLatency,
        databaseDown: database.up ? 0 : 1,
        databaseLatencyMs: this.databaseLatency,
        backlogSeconds: queue ? backlogSeconds(queue.waiting, queue.drainPerSecond) : 0,
        noWorkers: queue?.workers === 0 ? 1 : 0,
      };
      const sample: Sample = { at: now, signals, redisUp: redis.up, queue, memory: { heapUsedBytes: memory.heapUsedBytes, rssBytes: memory.rssBytes } };
      this.options.onSample(sample);
      return sample;
    } finally {
      this.running = false;
    }
  }
}

function backlogSeconds(waiting: number, drainPerSecond: number | null): number {
  if (waiting === 0) return 0;
  if (drainPerSecond === null) return 0; // nothing measured yet: no evidence of a slow queue
  return Math.min(MAX_BACKLOG_SECONDS, drainPerSecond > 0 ? waiting / drainPerSecond : MAX_BACKLOG_SECONDS);
}
