import { percentiles } from '../../bench/stats';
import type { DrillOptions } from './drill-options';
import type { LoadDone, SecondBucket } from './load-messages';
import type { ModeSample } from './mode-poller';
import type { ProxyView } from './proxy-log';
import type { Recovery } from './recovery-probe';
import { TRAFFIC_CLASSES, type TrafficClassName } from './traffic-classes';

/** Latency percentiles, milliseconds. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ClassSummary {
  name: TrafficClassName;
  /** Flood rate asked for, requests per second. */
  floodRate: number;
  sent: number;
  served: number;
  shed: number;
  failed: number;
  /** Arrivals not sent because every socket to the server was busy. */
  dropped: number;
  failures: Record<string, number>;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** The load thread's own event-loop delay, milliseconds. */
  generatorLoopDelayMs: { p50: number; p99: number; max: number } | null;
  servedMs: Latency | null;
  shedMs: Latency | null;
}

/** One second of the drill, for the chart and the JSON. */
export interface SecondRow {
  /** Seconds since the drill's time zero. */
  t: number;
  sent: Record<TrafficClassName, number>;
  served: Record<TrafficClassName, number>;
  shed: Record<TrafficClassName, number>;
  failed: Record<TrafficClassName, number>;
  /** Downloads served in this second, milliseconds. */
  downloadP50: number | null;
  downloadP99: number | null;
  /** Shed answers (all classes) in this second, milliseconds. */
  shedP99: number | null;
  /** Print jobs waiting, and live workers by heartbeat, read at this second; null if Redis did not answer. */
  waiting: number | null;
  liveWorkers: number | null;
}

export interface ProcessSummary {
  name: string;
  role: 'server' | 'worker' | 'proxy' | 'redis' | 'load generator';
  /** Peak resident memory, megabytes (null when not sampled). */
  peakRssMb: number | null;
  /** CPU time used while the traffic ran, seconds (null when unknown). */
  cpuSeconds: number | null;
  restarts: number;
  /** Unexpected exits, milliseconds since the drill's time zero. */
  exits: Array<{ atMs: number; code: number | null; signal: string | null }>;
  /** How it ended when the drill stopped it with SIGTERM. */
  shutdown: { code: number | null; signal: string | null } | null;
}

export interface ModeChange {
  /** Milliseconds since the drill's time zero. */
  atMs: number;
  server: string;
  from: string;
  to: string;
}

export interface Target {
  what: string;
  target: string;
  actual: string;
  met: boolean;
}

export interface DrillReport {
  startedAt: string;
  options: DrillOptions;
  /** Whether every client sent from 127.0.0.1 (else each from its own loopback address). */
  singleAddress: boolean;
  timeline: { floodStartMs: number; floodEndMs: number; endMs: number };
  servers: string[];
  /** CPU cores of the machine (everything runs on it, the load generator too). */
  cores: number;
  classes: ClassSummary[];
  /** Served downloads over the whole run and during the flood only. */
  downloads: { all: Latency | null; duringFlood: Latency | null };
  /** Every shed answer, all classes. */
  shed: Latency | null;
  failedTotal: number;
  processes: ProcessSummary[];
  restartsTotal: number;
  /** Whether any server reported a mode (false until the admin status API exists). */
  modesKnown: boolean;
  modeChanges: ModeChange[];
  recovery: Recovery;
  queue: { acceptedDuringDrill: number; maxWaiting: number | null; waitingAtEnd: number | null };
  targets: Target[];
  seconds: SecondRow[];
  modeSamples: ModeSample[];
  /** With DRILL_PROXY=nginx: downloads and shed answers as nginx timed them. */
  proxyView: ProxyView | null;
}

export interface ReportInput {
  startedAt: Date;
  options: DrillOptions;
  singleAddress: boolean;
  timeline: DrillReport['timeline'];
  servers: string[];
  cores: number;
  results: Map<TrafficClassName, LoadDone>;
  modeSamples: ModeSample[];
  queueSamples: Array<{ t: number; waiting: number | null; liveWorkers: number | null }>;
  processes: ProcessSummary[];
  recovery: Recovery;
  floodRates: Record<TrafficClassName, number>;
  proxyView: ProxyView | null;
}

const MB = 1024 * 1024;

/** Percentiles of a list of milliseconds, rounded to a tenth; null for none. */
export function latency(samples: number[]): Latency | null {
  if (samples.length === 0) return null;
  const p = percentiles(samples);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: samples.length, p50: round(p.median), p95: round(p.p95), p99: round(p.p99), max: round(samples.reduce((m, x) => (x > m ? x : m), 0)) };
}

const perClass = <T>(f: (name: TrafficClassName) => T) => Object.fromEntries(TRAFFIC_CLASSES.map((n) => [n, f(n)])) as Record<TrafficClassName, T>;

/** Turns the raw measurements into the report: totals, percentiles, mode changes, targets. */
export function buildReport(input: ReportInput): DrillReport {
  const { results, timeline } = input;
  const bucketsOf = (name: TrafficClassName): SecondBucket[] => results.get(name)?.buckets ?? [];
  const classes: ClassSummary[] = TRAFFIC_CLASSES.map((name) => {
    const buckets = bucketsOf(name);
    const failures: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    for (const b of buckets) for (const [k, v] of Object.entries(b.failures)) failures[k] = (failures[k] ?? 0) + v;
    for (const b of buckets) for (const [k, v] of Object.entries(b.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    const sum = (f: (b: SecondBucket) => number) => buckets.reduce((s, b) => s + f(b), 0);
    return {
      name,
      floodRate: input.floodRates[name],
      sent: sum((b) => b.sent),
      served: sum((b) => b.served),
      shed: sum((b) => b.shed),
      failed: sum((b) => b.failed),
      dropped: sum((b) => b.dropped),
      failures,
      statuses,
      generatorLoopDelayMs: results.get(name)?.loopDelayMs ?? null,
      servedMs: latency(buckets.flatMap((b) => b.servedMs)),
      shedMs: latency(buckets.flatMap((b) => b.shedMs)),
    };
  });

  const floodSeconds = (b: SecondBucket[], f: (x: SecondBucket) => number[]) =>
    b.flatMap((x, i) => (i * 1000 >= timeline.floodStartMs && i * 1000 < timeline.floodEndMs ? f(x) : []));
  const downloads = { all: latency(bucketsOf('download').flatMap((b) => b.servedMs)), duringFlood: latency(floodSeconds(bucketsOf('download'), (b) => b.servedMs)) };
  const shed = latency(TRAFFIC_CLASSES.flatMap((n) => bucketsOf(n).flatMap((b) => b.shedMs)));

  const secondsCount = Math.ceil(timeline.endMs / 1000);
  const seconds: SecondRow[] = Array.from({ length: secondsCount }, (_, t) => {
    const at = (name: TrafficClassName) => bucketsOf(name)[t];
    const dl = latency(at('download')?.servedMs ?? []);
    const sh = latency(TRAFFIC_CLASSES.flatMap((n) => at(n)?.shedMs ?? []));
    const q = input.queueSamples.find((s) => s.t === t);
    return {
      t,
      sent: perClass((n) => at(n)?.sent ?? 0),
      served: perClass((n) => at(n)?.served ?? 0),
      shed: perClass((n) => at(n)?.shed ?? 0),
      failed: perClass((n) => at(n)?.failed ?? 0),
      downloadP50: dl?.p50 ?? null,
      downloadP99: dl?.p99 ?? null,
      shedP99: sh?.p99 ?? null,
      waiting: q?.waiting ?? null,
      liveWorkers: q?.liveWorkers ?? null,
    };
  });

  const modeChanges: ModeChange[] = [];
  const last = new Map<number, string>();
  for (const s of [...input.modeSamples].sort((a, b) => a.atMs - b.atMs)) {
    const before = last.get(s.server);
    if (before !== undefined && before !== s.mode) modeChanges.push({ atMs: s.atMs, server: `server-${s.server + 1}`, from: before, to: s.mode });
    last.set(s.server, s.mode);
  }
  const modesKnown = input.modeSamples.some((s) => s.mode !== 'unknown' && s.mode !== 'unanswered');

  const failedTotal = classes.reduce((s, c) => s + c.failed, 0);
  const restartsTotal = input.processes.reduce((s, p) => s + p.restarts, 0);
  const waits = input.queueSamples.map((s) => s.waiting).filter((w): w is number => w !== null);
  const serverPeak = Math.max(0, ...input.processes.filter((p) => p.role === 'server').map((p) => p.peakRssMb ?? 0));
  const fmt = (l: Latency | null) => (l ? `${l.p99} ms` : 'none measured');
  const targets: Target[] = [
    { what: 'failures other than 503/429', target: '0', actual: String(failedTotal), met: failedTotal === 0 },
    { what: 'process restarts', target: '0', actual: String(restartsTotal), met: restartsTotal === 0 },
    { what: 'downloads p99, whole run', target: '< 50 ms', actual: fmt(downloads.all), met: !!downloads.all && downloads.all.p99 < 50 },
    { what: 'shed answers p99', target: '< 5 ms', actual: fmt(shed), met: !!shed && shed.p99 < 5 },
    { what: 'peak RSS of a server process', target: '< 200 MB', actual: `${serverPeak} MB`, met: serverPeak < 200 },
    { what: 'back to normal after the flood', target: '<= 15 s', actual: input.recovery.seconds === null ? 'not within the run' : `${input.recovery.seconds} s`, met: input.recovery.seconds !== null && input.recovery.seconds <= 15 },
  ];

  return {
    startedAt: input.startedAt.toISOString(),
    options: input.options,
    singleAddress: input.singleAddress,
    timeline,
    servers: input.servers,
    cores: input.cores,
    classes,
    downloads,
    shed,
    failedTotal,
    processes: input.processes,
    restartsTotal,
    modesKnown,
    modeChanges,
    recovery: input.recovery,
    queue: {
      acceptedDuringDrill: results.get('print')?.acceptedJobIds.length ?? 0,
      maxWaiting: waits.length ? Math.max(...waits) : null,
      waitingAtEnd: input.queueSamples.at(-1)?.waiting ?? null,
    },
    targets,
    seconds,
    modeSamples: input.modeSamples,
    proxyView: input.proxyView,
  };
}

export const toMb = (bytes: number) => Math.round(bytes / MB);
