import { z } from 'zod';

/*
 * What a process appends to its list under `telemetryKey(id)` (common/queue/names.ts) every
 * TELEMETRY_INTERVAL_MS. Every count covers the interval since the process's previous point, never the
 * time since it started, so a restart cannot make a spike. Workers write these and servers read them:
 * a different process, so the reader parses each point again and skips one that does not fit.
 */

const count = z.number().int().min(0);
const bytes = z.number().min(0);

/** Figures every process reports about itself. */
const processFields = {
  /** The process id (`server-…` or `worker-…`), also the key's suffix. */
  id: z.string().min(1).max(200),
  pid: z.number().int().positive(),
  hostname: z.string().max(200),
  /** When the process started, milliseconds since the epoch. */
  startedAt: z.number().int().positive(),
  /** When this point was taken, milliseconds since the epoch. */
  at: z.number().int().positive(),
  /** The interval this point covers (since the previous point), milliseconds. */
  intervalMs: z.number().int().positive(),
  /** Event-loop delay p99 over the interval, milliseconds. */
  loopDelayP99Ms: z.number().min(0),
  /** Share of the interval the event loop was busy, 0-1. */
  loopUtilization: z.number().min(0).max(1),
  rssBytes: bytes,
  heapUsedBytes: bytes,
};

/** Requests by traffic class (a TrafficGroup, or anything else, which the reader counts as `other`). */
const perClass = z.record(z.string().max(40), count);

export const serverPointSchema = z.object({
  kind: z.literal('server'),
  ...processFields,
  /** The mode the server acted on at the end of the interval. */
  mode: z.string().max(40),
  /** Its rung: 0 normal ... 3 maintenance. */
  rung: z.number().int().min(0).max(3),
  /** Requests answered with anything but 429/503 in the interval, by class. */
  served: perClass,
  /** Requests answered 503 (shed) or 429 (rate limited) in the interval, by class. */
  shed: perClass,
  /** Print queue counts at the end of the interval; null when Redis did not answer in time. */
  queue: z.object({ waiting: count, active: count, failed: count, delayed: count, paused: z.boolean() }).nullable(),
});

export const workerPointSchema = z.object({
  kind: z.literal('worker'),
  ...processFields,
  /** Print jobs completed in the interval (drawn or found already drawn). */
  completed: count,
  /** Print job attempts that failed in the interval. */
  failed: count,
  /** Jobs in hand at the end of the interval, and how many it takes at once. */
  active: count,
  concurrency: count,
  /** Render time percentiles of the PDFs drawn in the interval, milliseconds; null when none were drawn. */
  renderMs: z.object({ p50: z.number().min(0), p95: z.number().min(0), p99: z.number().min(0) }).nullable(),
  /** Render times of the interval (all of them, or an even sample when there were many), so readers can pool workers; milliseconds. */
  renderSampleMs: z.array(z.number().min(0)).max(1000),
});

export const telemetryPointSchema = z.discriminatedUnion('kind', [serverPointSchema, workerPointSchema]);

export type ServerPoint = z.output<typeof serverPointSchema>;
export type WorkerPoint = z.output<typeof workerPointSchema>;
export type TelemetryPoint = z.output<typeof telemetryPointSchema>;
