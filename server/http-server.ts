import { caseSensitiveRouter } from './http/case-sensitive-router';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Router, type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { adminRouter } from './admin/admin-router';
import { accountPeople } from './admin/people';
import { adminTokenFrom, type AdminToken } from './admin/admin-token';
import { requireAdmin, type AdminSessionAuth } from './admin/require-admin';
import { SwitchFollower } from './admin/switch-follower';
import { SwitchStore } from './admin/switch-store';
import { SwitchTrail } from './admin/switch-trail';
import { QueueActions } from './admin/queue-actions';
import { queueActionsRouter } from './admin/queue-actions-router';
import { createApp, type AppDeps } from './app';
import { clientKeyOf } from './http/client-address';
import { createRateLimits, TIGHTENED_SHARE } from './http/rate-limits';
import { RunAdmission } from './print-runs/run-admission';
import { ConcurrencyLimit } from './overload/concurrency-limit';
import { createGate, SHED_REASONS, type Gate } from './overload/gate';
import { LoopLagMeter, type LoopLagSource } from './overload/loop-lag-meter';
import { OverloadState } from './overload/overload-state';
import { processProbes } from './overload/process-probes';
import type { OverloadProbes } from './overload/probes';
import { RateLimitMemo } from './overload/rate-limit-memo';
import { redisProbes } from './overload/redis-probes';
import { HeavyWorkQueue } from './overload/heavy-work-queue';
import { HEAVY_WORK, OPEN_IN_MAINTENANCE, routeKindOf, type Principal } from './overload/route-kind';
import { json, sendAnswer } from './overload/shed-answers';
import { SignalSampler } from './overload/signal-sampler';
import { StoreProbe } from './health/store-probe';
import { adminSessionAuth, principalOf } from './sessions/admin-session';
import { TelemetryStore } from './telemetry/telemetry-store';
import { telemetryRouter } from './telemetry/telemetry-router';
import { ShareLinkStore } from './share-links/share-link-store';
import { PrintRecordMirror } from './print-jobs/print-record-mirror';
import { PrintRecordCatchUp } from './print-jobs/print-record-catch-up';
import { databaseProbe } from './database/database-probe';
import { PrintRecordStore } from './print-jobs/print-record-store';

/** Slow clients: the whole request head within this long, milliseconds. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Slow clients: the whole request, body included, within this long, milliseconds. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Longest a rate-limit count waits for Redis, milliseconds (downloads fall back to memory sooner: local-fallback-store.ts). */
const LIMIT_COMMAND_TIMEOUT_MS = 750;
/** An idle keep-alive connection is closed after this long, milliseconds. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node checks the two timeouts above, milliseconds (its default, 30 s, would let them run far over). */
const TIMEOUT_CHECK_MS = 1_000;

export interface HttpServerDeps extends Omit<AppDeps, 'overload'> {
  /** Probes to use instead of the real ones (tests drive the ladder with made-up readings). */
  probes?: Partial<OverloadProbes>;
  /** Milliseconds between samples (500 by default). */
  sampleIntervalMs?: number;
  /** Milliseconds between reads of the admin's switch besides pub/sub (500 by default). */
  switchPollMs?: number;
  /** How the admin API recognises a signed-in admin (adminSessionAuth(accounts) unless given). */
  adminSession?: AdminSessionAuth;
  /** Who sent a request, for the gate's priorities (a validly signed session cookie counts as signed in, unless given). */
  principalOf?: (req: http.IncomingMessage) => Principal;
  /** What the concurrency limit learns from (a LoopLagMeter on this process's event loop unless given). */
  loopLag?: LoopLagSource;
  /** Milliseconds between writes of the file store probe (STORE_PROBE_INTERVAL_MS by default). */
  storeProbeMs?: number;
  /** Milliseconds between the share-link cache's reads of what changed (SHARE_LINK_POLL_MS by default). */
  shareLinkPollMs?: number;
  /** Milliseconds between the print records' catch-up passes (PRINT_RECORD_CATCH_UP_MS by default). */
  printRecordCatchUpMs?: number;
}

/** A server process's HTTP side: the overload gate in front of the Express app. */
export interface RosetteHttpServer {
  server: Server;
  app: Express;
  overload: OverloadState;
  gate: Gate;
  /** How many requests the gate lets into Express at once, learnt from the event loop. */
  limit: ConcurrencyLimit;
  sampler: SignalSampler;
  admin: AdminToken;
  /** The print history's feeders: the queue's events, and the catch-up for events missed. */
  printRecords: { mirror: PrintRecordMirror; catchUp: PrintRecordCatchUp };
  /** The second listener (PRIORITY_PORT), once listenPriority() has been called. */
  priorityServer: Server | null;
  /** Takes the first sample and starts sampling and following the switch; listen() calls it. */
  start(): Promise<void>;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Opens the priority listener (see PRIORITY_PORT in config.ts): the same gate and app, reserved paths only. */
  listenPriority(port: number, host: string): Promise<AddressInfo>;
  /** Stops taking connections, waits for the requests in flight, stops the timers and closes its own Redis connections. */
  close(): Promise<void>;
}

/**
 * Builds the gate, the overload state and its feeders (sampler, switch follower), the rate limits,
 * the admin API and the app, and wraps them in one node:http server: the gate decides before Express
 * does any work. main.ts and the tests both build the server here.
 * @param buildApp Builds the Express app from its dependencies (createApp; tests may wrap it).
 */
export function createHttpServer(deps: HttpServerDeps, buildApp: (deps: AppDeps) => Express = createApp): RosetteHttpServer {
  const { config, logger } = deps;
  const admin = adminTokenFrom(config);
  const state = new OverloadState(deps.now, config.PRINT_MAX_WAIT_SECONDS);
  const memo = new RateLimitMemo();
  const clientKey = clientKeyOf(config.TRUST_PROXY);

  // Connections of its own: rate-limit counting (fail-fast, like the server's), and the switch's subscription (which can do nothing else).
  // Its commands give up after LIMIT_COMMAND_TIMEOUT_MS without a retry: a frozen Redis must cost a print
  // job submission under a second before its 503, not the 2 s (and a retry) of the server's connection.
  const limitRedis = deps.redis.duplicate({ commandTimeout: LIMIT_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 0 });
  limitRedis.on('error', () => undefined);
  const subscriber = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  const switches = new SwitchStore(deps.redis);

  const real = processProbes();
  const probes: OverloadProbes = { ...real, ...redisProbes(deps.redis, deps.queue.queue), database: databaseProbe(deps.db), ...deps.probes };
  const sampler = new SignalSampler({
    probes,
    clock: deps.now,
    rssLimitBytes: config.RSS_LIMIT_MB * 1024 * 1024,
    intervalMs: deps.sampleIntervalMs,
    onSample: (sample) => {
      state.applySample(sample);
      memo.sweep(deps.now());
    },
  });
  const follower = new SwitchFollower({ store: switches, subscriber, onSwitch: (s) => state.applySwitch(s), logger, pollMs: deps.switchPollMs });
  const limit = new ConcurrencyLimit({ max: config.MAX_IN_FLIGHT });
  const loopLag = deps.loopLag ?? new LoopLagMeter();
  const metrics = deps.metrics;
  const gate = createGate({
    state,
    memo,
    clientKey,
    limit,
    now: deps.now,
    principalOf: deps.principalOf ?? principalOf(deps.accounts),
    onShed: metrics ? (kind, reason) => metrics.recordShed(kind, reason) : undefined,
    onRateLimited: metrics ? (kind, budget) => metrics.recordRateLimited(kind, budget) : undefined,
  });
  logModeChanges(state, logger);

  const limits = createRateLimits({
    redis: limitRedis,
    logger,
    config,
    tightened: () => state.rung >= 1,
    redisUp: () => state.redisUp,
    // The limiter's own 429 reaches Express and is counted there (status 429); the gate counts those it gives after.
    onLimited: (budget, req, resetAt) => memo.block(budget, clientKey(req), resetAt),
  });
  const adminSession = deps.adminSession ?? adminSessionAuth(deps.accounts);
  const storeProbe = new StoreProbe({ store: deps.store, now: deps.now, logger, intervalMs: deps.storeProbeMs });
  const queueActions = new QueueActions({ queue: deps.queue.queue, audit: deps.accounts.audit, logger, onPausedChange: (paused) => state.applyPaused(paused) });
  // Live share links in memory, following the table: volunteers' links work while PostgreSQL is away.
  const shareLinks = new ShareLinkStore(deps.db, deps.accounts.digester, deps.now, { pollMs: deps.shareLinkPollMs, cacheEntries: config.SHARE_LINK_CACHE_ENTRIES });
  // The organisation's print history, written from the queue's events.
  const printRecords = new PrintRecordStore(deps.db);
  const mirror = new PrintRecordMirror({ redis: deps.redis, queue: deps.queue, records: printRecords, logger });
  const catchUp = new PrintRecordCatchUp({ queue: deps.queue, records: printRecords, mirror, logger, intervalMs: deps.printRecordCatchUpMs });
  const app = buildApp({
    ...deps,
    shareLinks,
    printRecords,
    storeHealth: storeProbe,
    overload: {
      state,
      limits,
      adminRouter: caseSensitiveRouter().use(
        adminRouter({ overload: state, switches, admin, adminSession, logger, now: deps.now, storeHealth: storeProbe, people: accountPeople(deps.accounts.accounts), trail: new SwitchTrail(deps.accounts.audit), inFlight: () => ({ now: gate.inFlight, limit: limit.limit, max: config.MAX_IN_FLIGHT }) }),
        // The console's charts: the same guard as the status (an admin account, or the read-only token).
        telemetryRouter({ guard: requireAdmin(admin, adminSession), store: new TelemetryStore(deps.redis), now: deps.now }),
      ),
      queueActionsRouter: queueActionsRouter({ actions: queueActions, admin, adminSession }),
      runAdmission: new RunAdmission({
        redis: limitRedis,
        state,
        clientKey,
        printJobLimit: () => (state.rung >= 1 ? Math.max(1, Math.floor(config.RATE_LIMIT_PRINT_JOBS * TIGHTENED_SHARE)) : config.RATE_LIMIT_PRINT_JOBS),
        windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
      }),
    },
  });

  const heavy = new HeavyWorkQueue({ slots: config.HEAVY_REQUESTS_AT_ONCE });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let answered = false;
    try {
      answered = gate(req, res);
    } catch (err) {
      logger.error({ err }, 'overload gate failed; letting the request through');
    }
    if (answered) return;
    if (HEAVY_WORK[routeKindOf(req.method, req.url)]) heavy.admit(res, () => app(req, res), () => gate.refuse(req, res, SHED_REASONS.heavyWorkWaiting));
    else app(req, res);
  };
  const server = createNodeServer(handle);
  let priorityServer: Server | null = null;

  let started: Promise<void> | null = null;
  const start = () => {
    started ??= (async () => {
      await Promise.all([readyOrTimeout(deps.redis, FIRST_SAMPLE_WAIT_MS), readyOrTimeout(limitRedis, FIRST_SAMPLE_WAIT_MS)]);
      await sampler.sampleOnce().catch(() => undefined);
      sampler.start();
      follower.start();
      storeProbe.start();
      shareLinks.cache.start();
      mirror.start();
      catchUp.start();
      loopLag.start((worstLagMs, utilization) => limit.update(worstLagMs, utilization, gate.inFlight));
    })();
    return started;
  };
  return {
    server,
    app,
    overload: state,
    gate,
    limit,
    sampler,
    admin,
    printRecords: { mirror, catchUp },
    start,
    get priorityServer() {
      return priorityServer;
    },
    async listen(port, host) {
      await start();
      return listenOn(server, port, host);
    },
    async listenPriority(port, host) {
      await start();
      priorityServer ??= createNodeServer((req, res) => (isReserved(req) ? handle(req, res) : sendAnswer(res, MISDIRECTED)));
      return listenOn(priorityServer, port, host);
    },
    async close() {
      const servers = priorityServer ? [server, priorityServer] : [server];
      const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      for (const s of servers) s.closeIdleConnections();
      await Promise.all(closed);
      sampler.stop();
      storeProbe.stop();
      shareLinks.cache.stop();
      await mirror.stop();
      await catchUp.stop();
      loopLag.stop();
      real.stop();
      follower.stop();
      limitRedis.disconnect();
    },
  };
}

/** A node:http server with the slow-client timeouts. */
function createNodeServer(handle: http.RequestListener): Server {
  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_MS }, handle);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return server;
}

function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Whether the priority listener serves a request: the kinds that stay open in maintenance. */
const isReserved = (req: http.IncomingMessage) => OPEN_IN_MAINTENANCE[routeKindOf(req.method, req.url)];

/** What the priority listener answers for any other path. */
const MISDIRECTED = json(421, { error: { code: 'misdirected', message: 'this port serves only finished PDFs, share links, health checks, signing in and the admin console; use the main port', fields: [] } });

/** How long start() waits for a connection still being made before its first sample, milliseconds. */
const FIRST_SAMPLE_WAIT_MS = 3000;

/** Resolves when the connection is ready, or after `ms` (then the first sample finds Redis down, and says so). */
function readyOrTimeout(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}

/** One log line per change of mode, with its reason. */
function logModeChanges(state: OverloadState, logger: Logger): void {
  let last = state.changes[0];
  state.onChange(() => {
    const latest = state.changes[0];
    if (latest === last || !latest) return;
    last = latest;
    logger.warn({ from: latest.from, to: latest.to, reason: latest.reason, cause: state.cause() }, `overload mode ${latest.to}`);
  });
}
