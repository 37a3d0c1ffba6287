import type { Redis } from 'ioredis';
import { TELEMETRY_INTERVAL_MS, TELEMETRY_WINDOW_MS } from '../api/admin-telemetry';
import { TELEMETRY_PROCESSES_KEY, telemetryKey } from '../queue/names';
import type { TelemetryPoint } from '../queue/telemetry-point';

/** After the interval boundary a tick waits this long, so every process's point lands in the same bucket, milliseconds. */
const ALIGN_OFFSET_MS = 25;

export interface TelemetryPublisherOptions {
  /** A fail-fast connection (no offline queue): while Redis is away a write fails at once instead of piling up. */
  redis: Redis;
  processId: string;
  /**
   * Takes the point of the interval that just ended (`intervalMs` long). Runs on every tick, Redis or
   * not, so the next point covers one interval only; returning null skips the point.
   */
  collect: (intervalMs: number) => Promise<TelemetryPoint | null>;
  logger: { debug(obj: object, msg: string): void };
  /** Milliseconds between points (TELEMETRY_INTERVAL_MS). */
  intervalMs?: number;
  /** How long points are kept, milliseconds (TELEMETRY_WINDOW_MS). */
  windowMs?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/**
 * Publishes one point of a process's figures every interval: LPUSH to the process's own list, LTRIM
 * it to the window, a time to live of the window (a process that dies vanishes with its points), and
 * its id in the set of publishing processes. Ticks fall just after each interval boundary of the wall
 * clock, so the points of every process line up in the same buckets. It never blocks or throws: a
 * point that cannot be written (Redis down, the previous write still pending) is skipped and logged at
 * debug level. The timer is unref()'d.
 */
export class TelemetryPublisher {
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<unknown> | null = null;
  private lastTickAt: number;
  private stopped = false;

  constructor(private readonly options: TelemetryPublisherOptions) {
    this.intervalMs = options.intervalMs ?? TELEMETRY_INTERVAL_MS;
    this.windowMs = options.windowMs ?? TELEMETRY_WINDOW_MS;
    this.now = options.now ?? Date.now;
    this.lastTickAt = this.now();
  }

  start(): void {
    this.stopped = false;
    this.lastTickAt = this.now();
    this.schedule();
  }

  /** Stops the timer and waits for a write in progress (which cannot take long: the connection fails fast). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pending?.catch(() => undefined);
  }

  /** Collects and writes one point now; resolves false when it was skipped. Tests call it directly. */
  async publishOnce(): Promise<boolean> {
    const at = this.now();
    const intervalMs = Math.max(1, at - this.lastTickAt);
    this.lastTickAt = at;
    let point: TelemetryPoint | null;
    try {
      point = await this.options.collect(intervalMs);
    } catch (err) {
      this.options.logger.debug({ err: (err as Error).message }, 'telemetry: could not take a point');
      return false;
    }
    if (!point) return false;
    if (this.pending) {
      this.options.logger.debug({}, 'telemetry: the previous point is still being written; skipping one');
      return false;
    }
    if (this.options.redis.status !== 'ready') {
      this.options.logger.debug({ redis: this.options.redis.status }, 'telemetry: Redis is not connected; skipping one point');
      return false;
    }
    const write = this.write(point);
    this.pending = write;
    try {
      await write;
      return true;
    } catch (err) {
      this.options.logger.debug({ err: (err as Error).message }, 'telemetry: could not write a point');
      return false;
    } finally {
      this.pending = null;
    }
  }

  private async write(point: TelemetryPoint): Promise<void> {
    const key = telemetryKey(this.options.processId);
    const kept = Math.ceil(this.windowMs / this.intervalMs) + 1;
    const results = await this.options.redis
      .multi()
      .lpush(key, JSON.stringify(point))
      .ltrim(key, 0, kept - 1)
      .pexpire(key, this.windowMs)
      .zadd(TELEMETRY_PROCESSES_KEY, point.at, this.options.processId)
      .zremrangebyscore(TELEMETRY_PROCESSES_KEY, '-inf', point.at - this.windowMs)
      .pexpire(TELEMETRY_PROCESSES_KEY, this.windowMs)
      .exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the telemetry transaction was discarded');
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = this.now();
    const delay = this.intervalMs - (now % this.intervalMs) + ALIGN_OFFSET_MS;
    this.timer = setTimeout(() => {
      void this.publishOnce().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }
}

/** A process's telemetry id: its kind, host name, process id and a random suffix (a restarted process is a new one). */
export function telemetryProcessId(kind: 'server' | 'worker', hostname: string, pid: number): string {
  return `${kind}-${hostname}-${pid}-${Math.random().toString(16).slice(2, 8)}`;
}
