import { z } from 'zod';
import type { TrafficClassName } from './traffic-classes';

const seconds = (def: number) => z.coerce.number().min(0).max(600).default(def);
const rate = (def: number) => z.coerce.number().min(0).max(100_000).default(def);

/**
 * The drill's settings (environment variables DRILL_*), each with a default that keeps a run under about
 * 90 seconds on a laptop. Rates are requests per second over all server processes together.
 */
const drillOptionsSchema = z.object({
  /** Server processes (dist/server/main.js), sharing one Redis and one file store. */
  DRILL_SERVERS: z.coerce.number().int().min(1).max(8).default(3),
  /** Worker processes (dist/worker/main.js). */
  DRILL_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  /** Print jobs each worker renders at once. */
  DRILL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Calm traffic before the flood, seconds (shows the baseline). */
  DRILL_CALM_S: seconds(3),
  /** Length of the flood, seconds. */
  DRILL_FLOOD_S: seconds(20),
  /** Calm traffic after the flood while Rosette recovers, seconds. */
  DRILL_RECOVER_S: seconds(20),
  /** Flood rates per class, requests per second. */
  DRILL_HOME_RATE: rate(3000),
  DRILL_API_RATE: rate(2000),
  DRILL_PRINT_RATE: rate(300),
  DRILL_DOWNLOAD_RATE: rate(60),
  /** Calm rates per class (before and after the flood), requests per second. */
  DRILL_HOME_CALM_RATE: rate(20),
  DRILL_API_CALM_RATE: rate(20),
  DRILL_PRINT_CALM_RATE: rate(2),
  DRILL_DOWNLOAD_CALM_RATE: rate(10),
  /**
   * Most requests of one class in flight to one server process. An arrival that finds them all busy
   * (or no client with a free connection) is dropped and counted (a user giving up), so the generator
   * never builds a queue of its own.
   */
  DRILL_SOCKETS_PER_CLASS: z.coerce.number().int().min(1).max(1024).default(48),
  /** Anonymous visitors (home page and API floods), each sending from its own loopback address. */
  DRILL_ANONYMOUS_CLIENTS: z.coerce.number().int().min(1).max(10_000).default(200),
  /** Campaigners sending print jobs, each from its own address. */
  DRILL_CAMPAIGNERS: z.coerce.number().int().min(1).max(10_000).default(300),
  /** Campaigner accounts the campaigners sign in with (invited through the admin API before the flood). */
  DRILL_CAMPAIGNER_ACCOUNTS: z.coerce.number().int().min(1).max(200).default(10),
  /** Volunteers downloading PDFs, each from its own address. */
  DRILL_VOLUNTEERS: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * Send everything from 127.0.0.1 instead (one client as far as the servers can tell, which the
   * per-address rate limits then shed); also what happens where 127.10.0.1 cannot be used (macOS).
   */
  DRILL_SINGLE_ADDRESS: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  /**
   * `nginx`: send the traffic through nginx with deploy/nginx.conf, as docker-compose deploys Rosette
   * (needs nginx installed); `none`: straight to the servers, the harder case (the default).
   */
  DRILL_PROXY: z.enum(['none', 'nginx']).default('none'),
  /** A request without an answer after this long counts as failed, milliseconds. */
  DRILL_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** NODE_ENV of the server and worker processes. */
  DRILL_NODE_ENV: z.enum(['production', 'development']).default('production'),
  /** Where the report, the chart and the processes' logs go. */
  DRILL_OUT_DIR: z.string().default('.artifacts/drill'),
});

export type DrillOptions = z.output<typeof drillOptionsSchema>;

/** Reads the drill's settings once; throws one sentence naming every bad one. */
export function loadDrillOptions(env: Record<string, string | undefined>): DrillOptions {
  const result = drillOptionsSchema.safeParse(env);
  if (!result.success) throw new Error(`invalid drill settings: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** One stretch of a class's traffic: a rate held until a time. */
export interface RatePhase {
  /** End of the stretch, milliseconds since the drill's start. */
  untilMs: number;
  /** Requests per second over all servers. */
  rate: number;
}

/** The drill's timeline, milliseconds since its start. */
export function drillTimeline(o: DrillOptions) {
  const floodStartMs = o.DRILL_CALM_S * 1000;
  const floodEndMs = floodStartMs + o.DRILL_FLOOD_S * 1000;
  return { floodStartMs, floodEndMs, endMs: floodEndMs + o.DRILL_RECOVER_S * 1000 };
}

/** Calm, flood, calm: the rate phases of one traffic class. */
export function ratePhases(o: DrillOptions, name: TrafficClassName): RatePhase[] {
  const t = drillTimeline(o);
  const rates: Record<TrafficClassName, [number, number]> = {
    home: [o.DRILL_HOME_RATE, o.DRILL_HOME_CALM_RATE],
    api: [o.DRILL_API_RATE, o.DRILL_API_CALM_RATE],
    print: [o.DRILL_PRINT_RATE, o.DRILL_PRINT_CALM_RATE],
    download: [o.DRILL_DOWNLOAD_RATE, o.DRILL_DOWNLOAD_CALM_RATE],
  };
  const [flood, calm] = rates[name];
  return [
    { untilMs: t.floodStartMs, rate: calm },
    { untilMs: t.floodEndMs, rate: flood },
    { untilMs: t.endMs, rate: calm },
  ];
}

