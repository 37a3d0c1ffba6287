import type { Redis } from 'ioredis';
import { TELEMETRY_INTERVAL_MS, TELEMETRY_LIVE_MS, TELEMETRY_WINDOW_MS, type AdminTelemetryResponse } from '../../common/api/admin-telemetry';
import { TELEMETRY_PROCESSES_KEY, telemetryKey } from '../../common/queue/names';
import { telemetryPointSchema, type TelemetryPoint } from '../../common/queue/telemetry-point';
import { mergeTelemetry, type ProcessPoints } from './merge-telemetry';

/** Points read beyond what `since` needs, per process: covers late writers and a bucket being refilled. */
const EXTRA_POINTS = 3;

/**
 * Reads the points every process published (common/node/telemetry-publisher.ts) and merges them.
 * Two round trips whatever the number of processes: the set of publishers, then one LRANGE each in a
 * pipeline, reading only as many of the newest points as `since` asks for.
 */
export class TelemetryStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: { bucketMs?: number; windowMs?: number; liveMs?: number } = {},
  ) {}

  /** Throws when Redis cannot be read (the caller answers 503). */
  async read(since: number, now: number): Promise<AdminTelemetryResponse> {
    const bucketMs = this.options.bucketMs ?? TELEMETRY_INTERVAL_MS;
    const windowMs = this.options.windowMs ?? TELEMETRY_WINDOW_MS;
    const from = Math.max(since, now - windowMs);
    const ids = await this.redis.zrangebyscore(TELEMETRY_PROCESSES_KEY, now - windowMs, '+inf');
    const processes: ProcessPoints[] = [];
    if (ids.length > 0) {
      const count = Math.min(Math.ceil(windowMs / bucketMs) + 1, Math.ceil((now - from) / bucketMs) + EXTRA_POINTS);
      const pipeline = this.redis.pipeline();
      for (const id of ids) pipeline.lrange(telemetryKey(id), 0, count - 1);
      const results = (await pipeline.exec()) ?? [];
      results.forEach(([err, raw], i) => {
        if (err) throw err;
        processes.push({ id: ids[i]!, points: parsePoints(raw as string[]) });
      });
    }
    return mergeTelemetry(processes, { now, since: from, bucketMs, windowMs, liveMs: this.options.liveMs ?? TELEMETRY_LIVE_MS });
  }
}

/** The points that parse; one odd entry must not blind the console to the rest. */
function parsePoints(raw: readonly string[]): TelemetryPoint[] {
  return raw.flatMap((line) => {
    try {
      const parsed = telemetryPointSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
