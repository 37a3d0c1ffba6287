import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../common/node/config';
import { createLogger } from '../../common/node/logger';
import { DirectoryFileStore, type FileStore } from '../../common/node/file-store';
import { createFailFastRedis, createWorkerRedis } from '../../common/node/redis-connection';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../common/queue/names';
import { createAccountServices } from '../../server/accounts/account-services';
import { generatePassword } from '../../server/accounts/create-admin-command';
import { hashPassword } from '../../server/accounts/password-hasher';
import { seedSampleAssets } from '../../server/assets/sample-assets';
import { createHttpServer, type RosetteHttpServer } from '../../server/http-server';
import type { LoopLagSource } from '../../server/overload/loop-lag-meter';
import type { OverloadProbes } from '../../server/overload/probes';
import { PrintQueue } from '../../server/print-jobs/print-queue';
import { createMetricsRegistry } from '../../common/node/metrics-registry';
import { createServerMetrics } from '../../server/metrics/server-metrics';
import { startServerTelemetry } from '../../server/telemetry/server-telemetry';
import { startWorkerTelemetry } from '../../worker/telemetry/worker-telemetry';
import { FontCache } from '../../worker/pdf/font-cache';
import { inProcessRenderer } from '../../worker/pdf/pdf-renderer';
import { isRenderResult, queueProcessor } from '../../worker/queue-processor';
import { checkLogLines, watchAccount } from './leak-watch';
import { TestClient, type TestAccount } from './test-client';
import { startTestRedis } from './test-redis';
import { createTestDatabase, databaseUrl, type TestDatabase } from './test-postgres';
import { createDatabase } from '../../server/database/create-database';
import { migrateToLatest } from '../../server/database/migrate';
import { waitForValue } from './wait-for';
import type { Role } from '../../common/accounts/roles';
import type { OnOrderPlaced } from '../../server/print-orders/on-order-placed';

export interface StartRosetteOptions {
  /** The server's clock, milliseconds since the epoch (Date.now by default). */
  now?: () => number;
  /** Server instances against the one Redis (1 by default). */
  servers?: number;
  /** Made-up readings for the overload sampler (each one replaced separately); event loop and memory read calm unless given. */
  probes?: Partial<OverloadProbes>;
  /** Milliseconds between overload samples (500 by default). */
  sampleIntervalMs?: number;
  /** Milliseconds between polls of the admin's switch (500 by default). */
  switchPollMs?: number;
  /**
   * Record Prometheus metrics and publish the admin console's telemetry (every server and the worker,
   * as the real processes do); off by default, so other tests leave no telemetry keys in Redis.
   */
  telemetry?: boolean;
  /** What the gate's concurrency limit learns from; by default nothing, so it stays at MAX_IN_FLIGHT (see CALM_PROCESS). */
  loopLag?: LoopLagSource;
  /** Wraps the file store the servers and the worker use (a test breaks it to play a full disk). */
  wrapStore?: (store: FileStore) => FileStore;
  /** Milliseconds between writes of the servers' store probe (5000 by default). */
  storeProbeMs?: number;
  /** A PostgreSQL server of the test's own (`database.server`), which the test may stop and start. */
  ownPostgres?: boolean;
  /**
   * Feed the overload ladder the real PostgreSQL probe (database-probe.ts). Off by default: the run's
   * shared PostgreSQL is slowed by every other test file's databases, which is not what most tests are
   * about; the database reads as up and quick unless this is set (or `probes.database` is given).
   */
  realDatabaseProbe?: boolean;
  /** Milliseconds between the share-link cache's reads of changes (500 by default). */
  shareLinkPollMs?: number;
  /** Milliseconds between the print records' catch-up passes (a minute by default). */
  printRecordCatchUpMs?: number;
  /**
   * A database that exists already (a restored backup) instead of a fresh one: migrated to the latest
   * schema first, as a server would at start, and left in place at close.
   */
  databaseUrl?: string;
  /** Settings of the servers' PostgreSQL connection (the pool's timeouts), milliseconds. */
  database?: { connectTimeoutMs?: number; statementTimeoutMs?: number };
  /** What the servers call when a print order is placed, inside its transaction (app.ts's default records nothing). */
  onOrderPlaced?: OnOrderPlaced;
}

/**
 * The event loop and memory of a test process say more about the test runner (and whatever else the
 * machine is doing) than about the server, so by default they read calm; Redis and the print queue are
 * read for real. Tests of the ladder pass their own readings in `options.probes`.
 */
const CALM_PROCESS: Partial<OverloadProbes> = {
  eventLoop: () => ({ delayMs: 0, utilization: 0 }),
  memory: () => ({ heapUsedBytes: 0, heapLimitBytes: 1, rssBytes: 0 }),
};
/** PostgreSQL up and quick (see StartRosetteOptions.realDatabaseProbe). */
const CALM_DATABASE: Partial<OverloadProbes> = { database: async () => ({ up: true, latencyMs: 1 }) };

/** A loop that never reports a window: the concurrency limit stays where it starts, at MAX_IN_FLIGHT. */
const QUIET_LOOP: LoopLagSource = { start: () => undefined, stop: () => undefined };

/**
 * Settings under which tests from one address (127.0.0.1) are not rate-limited by accident, and the
 * admin API has a known token; a test's own `env` overrides any of them.
 */
const TEST_DEFAULTS: Record<string, string> = {
  ADMIN_TOKEN: crypto.randomBytes(24).toString('base64url'),
  RATE_LIMIT_PRINT_JOBS: '100000',
  RATE_LIMIT_UPLOADS: '100000',
  RATE_LIMIT_READS: '1000000',
  RATE_LIMIT_DOWNLOADS: '1000000',
};

/**
 * The real server app and the real worker processor, in this process, against a real redis-server of
 * the test's own, a fresh PostgreSQL database of its own and a temporary file store. `renders` counts PDFs actually drawn.
 * @param clientDir Folder of the built browser client to serve (end-to-end tests pass dist/client).
 * @param options.now The server's clock, milliseconds since the epoch (Date.now by default).
 * @param options.servers Server instances (each with its own Redis connections, as separate processes
 *   have) against the one Redis; `baseUrl` is the first, `baseUrls` all of them.
 */
export async function startRosette(env: Record<string, string> = {}, clientDir?: string, options: StartRosetteOptions = {}) {
  /** The server's clock (tests that need expiry pass one they can move). */
  const now = options.now ?? Date.now;
  const redis = await startTestRedis();
  // A fresh database of its own on the run's PostgreSQL (test-postgres.ts).
  const database = options.databaseUrl ? existingDatabase(options.databaseUrl) : await createTestDatabase({ own: options.ownPostgres });
  const connection = database.open(options.database);
  if (options.databaseUrl) await migrateToLatest(connection.db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-files-'));
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: redis.url, DATABASE_URL: database.url, FILES_DIR: dir, ...TEST_DEFAULTS, ...env });
  // Every log line the server writes is kept (and checked for test accounts' secrets at close).
  const logs: string[] = [];
  const logger = createLogger('server', 'debug', { write: (line: string) => logs.push(line) });
  const serverRedis = createFailFastRedis(redis.url);
  serverRedis.on('error', () => undefined);
  const accounts = createAccountServices({ redis: serverRedis, db: connection.db, config, now });
  const store = options.wrapStore ? options.wrapStore(new DirectoryFileStore(dir)) : new DirectoryFileStore(dir);
  await seedSampleAssets(store);
  const queue = new PrintQueue(serverRedis);
  queue.queue.on('error', () => undefined);
  const httpDeps = { config, logger, db: connection.db, queue, store, now, clientDir, accounts, probes: { ...CALM_PROCESS, ...(options.realDatabaseProbe ? {} : CALM_DATABASE), ...options.probes }, sampleIntervalMs: options.sampleIntervalMs, switchPollMs: options.switchPollMs, loopLag: options.loopLag ?? QUIET_LOOP, storeProbeMs: options.storeProbeMs, shareLinkPollMs: options.shareLinkPollMs, printRecordCatchUpMs: options.printRecordCatchUpMs, onOrderPlaced: options.onOrderPlaced };
  const telemetryStops: Array<() => Promise<void>> = [];
  /** A server instance, with its own metrics and telemetry publisher when options.telemetry says so. */
  const createServer = (redis: Redis, queue: PrintQueue): RosetteHttpServer => {
    if (!options.telemetry) return createHttpServer({ ...httpDeps, redis, queue });
    const metrics = createServerMetrics(createMetricsRegistry({ processMetrics: false }));
    const server = createHttpServer({ ...httpDeps, redis, queue, metrics });
    telemetryStops.push(startServerTelemetry({ redis, registry: metrics.registry, overload: server.overload, queue: queue.queue, logger, now }).stop);
    return server;
  };
  const servers: RosetteHttpServer[] = [createServer(serverRedis, queue)];
  // Further instances: their own connections and queue producer, like separate server processes.
  const extra: Array<{ redis: Redis; queue: PrintQueue }> = [];
  for (let i = 1; i < (options.servers ?? 1); i++) {
    const r = createFailFastRedis(redis.url);
    r.on('error', () => undefined);
    const q = new PrintQueue(r);
    q.queue.on('error', () => undefined);
    extra.push({ redis: r, queue: q });
    servers.push(createServer(r, q));
  }
  const baseUrls = await Promise.all(servers.map(async (s) => `http://127.0.0.1:${(await s.listen(0, '127.0.0.1')).port}`));

  const stats = { renders: 0 };
  const fonts = new FontCache();
  const workerRedis = createWorkerRedis(redis.url);
  workerRedis.on('error', () => undefined);
  // The worker's own processor, as worker/main.ts wires it: a store fault makes a job wait, not fail.
  const processJob = queueProcessor({ store, render: inProcessRenderer(fonts), fonts, readJobData: async (id) => (await queue.queue.getJob(id))?.data ?? null, clock: () => performance.now(), now: Date.now });
  const worker = new Worker(
    PRINT_QUEUE,
    async (job, token) => {
      const result = await processJob(job, token);
      if (isRenderResult(result) && result.renderMs > 0) stats.renders += 1;
      return result;
    },
    { connection: workerRedis, prefix: QUEUE_PREFIX, concurrency: 2 },
  );
  worker.on('error', () => undefined);
  let telemetryRedis: Redis | null = null;
  if (options.telemetry) {
    telemetryRedis = createFailFastRedis(redis.url);
    telemetryRedis.on('error', () => undefined);
    const { telemetry, stop } = startWorkerTelemetry({ redis: telemetryRedis, load: () => ({ active: 0, concurrency: 2 }), logger, now });
    worker.on('completed', (_job, result: { renderMs: number }) => telemetry.recordCompleted(result));
    worker.on('failed', () => telemetry.recordFailed());
    telemetryStops.push(stop);
  }

  const baseUrl = baseUrls[0]!;
  /** Makes an account straight in the database (no invite), its secrets watched for leaks. */
  const createAccount = async (options: { role?: Role; organisation?: string; email?: string; status?: 'active' | 'invited' } = {}): Promise<TestAccount> => {
    const password = generatePassword();
    const email = options.email ?? `${options.role ?? 'campaigner'}-${crypto.randomBytes(6).toString('hex')}@example.org`;
    watchAccount({ email, password });
    const org = await accounts.organisations.findOrCreate(options.organisation ?? 'Riverside Labour');
    const account = await accounts.accounts.create({ email, role: options.role ?? 'campaigner', orgId: org.id, status: options.status ?? 'active', passwordHash: await hashPassword(password) });
    return { id: account.id, email, password, orgId: org.id, role: account.role };
  };
  /** A client signed in as the account. */
  const signedIn = async (account: TestAccount): Promise<TestClient> => {
    const client = new TestClient(baseUrl);
    const res = await client.signIn(account.email, account.password);
    if (!res.ok) throw new Error(`test sign-in failed with ${res.status}`);
    return client;
  };

  return {
    baseUrl,
    /** Every server instance's address (one unless options.servers said more). */
    baseUrls,
    /** The server instances: their overload state, gate and sampler. */
    servers,
    /** The admin API's bearer token (ADMIN_TOKEN). */
    adminToken: config.ADMIN_TOKEN!,
    redis,
    /** The test's PostgreSQL database (its URL) and the servers' connection to it. */
    database,
    db: connection.db,
    store,
    stats,
    filesDir: dir,
    /** The Express app (tests that list its routes read its router). */
    app: servers[0]!.app,
    /** The server's own Redis connection (for tests that look at or age keys). */
    serverRedis,
    /** The server's account services (stores of accounts, sessions, invites ...). */
    accounts,
    /** Every log line the server has written, as JSON text. */
    logs,
    createAccount,
    signedIn,
    /** An anonymous client (no session). */
    anonymous: () => new TestClient(baseUrl),
    async close() {
      await worker.close();
      await Promise.all(telemetryStops.map((stop) => stop()));
      telemetryRedis?.disconnect();
      await Promise.all(servers.map((s) => s.close()));
      await queue.close();
      for (const e of extra) {
        await e.queue.close();
        e.redis.disconnect();
      }
      serverRedis.disconnect();
      workerRedis.disconnect();
      await redis.cleanup();
      await connection.close();
      await database.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
      const leaks = checkLogLines(logs);
      if (leaks.length > 0) throw new Error(`test accounts' secrets reached the server's log:\n${leaks.join('\n')}`);
    },
  };
}

/** A database the test made itself, as startRosette uses its fresh ones (cleanup leaves it). */
function existingDatabase(url: string): TestDatabase {
  return {
    url,
    serverUrl: databaseUrl(url, 'postgres'),
    server: null,
    open: (o = {}) => createDatabase({ url, poolSize: 5, connectTimeoutMs: o.connectTimeoutMs ?? 5_000, statementTimeoutMs: o.statementTimeoutMs ?? 10_000 }),
    cleanup: async () => undefined,
  };
}

export type RunningRosette = Awaited<ReturnType<typeof startRosette>>;

/** Polls a print job until it is done or failed (as a signed-in client: jobs belong to an organisation). */
export async function waitForJob(client: string | TestClient, statusUrl: string, timeoutMs = 20_000): Promise<Record<string, any>> {
  let last: Record<string, any> | null = null;
  return waitForValue(
    `job ${statusUrl} done or failed`,
    async () => {
      const res = typeof client === 'string' ? await fetch(client + statusUrl) : await client.request(statusUrl);
      last = (await res.json()) as Record<string, any>;
      return last.status === 'done' || last.status === 'failed' ? last : null;
    },
    { timeoutMs, everyMs: 50, detail: () => `job still ${last?.status}` },
  );
}
