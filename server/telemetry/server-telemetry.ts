import os from 'node:os';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { PerGroup } from '../../common/api/admin-telemetry';
import { METRIC } from '../../common/node/metric-names';
import { processVitals, type VitalsReading } from '../../common/node/process-vitals';
import { TelemetryPublisher, telemetryProcessId } from '../../common/node/telemetry-publisher';
import type { ServerPoint } from '../../common/queue/telemetry-point';
import { counterDeltas, type CounterSnapshot, type CounterValue } from './counter-deltas';
import { trafficGroupOf } from './traffic-group';

/** Longest the point waits for the queue counts, milliseconds; without them the point still goes out. */
const QUEUE_TIMEOUT_MS = 500;
/** Statuses that mean "turned away" (shed or rate limited), not served. */
const SHED_STATUSES = new Set(['429', '503']);

export interface ServerTelemetryDeps {
  processId: string;
  hostname: string;
  pid: number;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** This process's metrics (server/metrics/server-metrics.ts): the request counters are read from it. */
  registry: Registry;
  /** The mode the process acts on now (the OverloadState). */
  overload: { readonly mode: string; readonly rung: number };
  /** The print queue (BullMQ's Queue): job counts by state, and whether an admin paused it. */
  queue: { getJobCounts(...states: Array<'waiting' | 'active' | 'failed' | 'delayed'>): Promise<Record<string, number>>; isPaused(): Promise<boolean> };
  vitals: { read(): VitalsReading };
  /** Milliseconds since the epoch. */
  now: () => number;
}

/**
 * Takes a server process's telemetry points. Requests served and shed are the growth of the
 * registry's counters since the previous point: served is every answer but 429/503 that reached
 * Express (`rosette_http_requests_total`); shed is every 429/503, whether the app gave it or the
 * overload gate did before Express (`rosette_http_shed_total`, `rosette_http_rate_limited_total`,
 * which count only the gate's own answers). prime() takes the counters' starting point (call it when
 * publishing starts); a collect() without one takes it then and returns null.
 */
export function serverTelemetry(deps: ServerTelemetryDeps): { prime(): Promise<void>; collect(intervalMs: number): Promise<ServerPoint | null> } {
  let snapshots: Record<string, CounterSnapshot> | null = null;
  const read = async (name: string): Promise<CounterValue[]> => {
    const metric = deps.registry.getSingleMetric(name);
    return metric ? ((await metric.get()).values as CounterValue[]) : [];
  };
  const readAll = () => Promise.all([read(METRIC.httpRequests), read(METRIC.shed), read(METRIC.rateLimited)]);
  return {
    async prime() {
      const [requests, shedByGate, limitedByGate] = await readAll();
      snapshots ??= { requests: counterDeltas(new Map(), requests).snapshot, shed: counterDeltas(new Map(), shedByGate).snapshot, limited: counterDeltas(new Map(), limitedByGate).snapshot };
    },
    async collect(intervalMs) {
      const [requests, shedByGate, limitedByGate] = await readAll();
      const previous = snapshots ?? {};
      const r = counterDeltas(previous.requests ?? new Map(), requests);
      const s = counterDeltas(previous.shed ?? new Map(), shedByGate);
      const l = counterDeltas(previous.limited ?? new Map(), limitedByGate);
      const primed = snapshots !== null;
      snapshots = { requests: r.snapshot, shed: s.snapshot, limited: l.snapshot };
      const vitals = deps.vitals.read();
      if (!primed) return null;

      const served: Partial<PerGroup> = {};
      const shed: Partial<PerGroup> = {};
      const add = (into: Partial<PerGroup>, label: unknown, n: number) => {
        const group = trafficGroupOf(typeof label === 'string' ? label : undefined);
        into[group] = (into[group] ?? 0) + n;
      };
      for (const d of r.deltas) add(SHED_STATUSES.has(String(d.labels.status)) ? shed : served, d.labels.class, d.value);
      for (const d of [...s.deltas, ...l.deltas]) add(shed, d.labels.class, d.value);
      return {
        kind: 'server',
        id: deps.processId,
        pid: deps.pid,
        hostname: deps.hostname,
        startedAt: deps.startedAt,
        at: deps.now(),
        intervalMs: Math.round(intervalMs),
        ...vitals,
        mode: deps.overload.mode,
        rung: deps.overload.rung,
        served,
        shed,
        queue: await queueCounts(deps.queue),
      };
    },
  };
}

async function queueCounts(queue: ServerTelemetryDeps['queue']): Promise<ServerPoint['queue']> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const [counts, paused] = await Promise.race([
      Promise.all([queue.getJobCounts('waiting', 'active', 'failed', 'delayed'), queue.isPaused()]),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('queue counts timed out')), QUEUE_TIMEOUT_MS);
      }),
    ]);
    return { waiting: counts.waiting ?? 0, active: counts.active ?? 0, failed: counts.failed ?? 0, delayed: counts.delayed ?? 0, paused };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts publishing this server process's figures to Redis every TELEMETRY_INTERVAL_MS (main.ts and
 * the test harness call it). `redis` should be a fail-fast connection; stop() ends the timer.
 */
export function startServerTelemetry(deps: Pick<ServerTelemetryDeps, 'registry' | 'overload' | 'queue'> & { redis: Redis; logger: { debug(obj: object, msg: string): void }; now?: () => number; intervalMs?: number }): { processId: string; stop(): Promise<void> } {
  const now = deps.now ?? Date.now;
  const hostname = os.hostname();
  const processId = telemetryProcessId('server', hostname, process.pid);
  const vitals = processVitals();
  const telemetry = serverTelemetry({ ...deps, processId, hostname, pid: process.pid, startedAt: now(), vitals, now });
  const publisher = new TelemetryPublisher({ redis: deps.redis, processId, collect: telemetry.collect, logger: deps.logger, now, intervalMs: deps.intervalMs });
  // The counters' starting point now, so the first point already covers the requests of its interval.
  void telemetry.prime().catch(() => undefined);
  publisher.start();
  return {
    processId,
    async stop() {
      await publisher.stop();
      vitals.stop();
    },
  };
}
