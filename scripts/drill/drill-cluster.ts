import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { freePort, LocalRedis } from '../../common/node/local-redis';
import { startThrowawayPostgres, type LocalPostgres } from '../../common/node/local-postgres';
import { createFailFastRedis } from '../../common/node/redis-connection';
import { readWorkerHeartbeats } from '../../common/node/worker-heartbeats';
import { PRINT_QUEUE, QUEUE_PREFIX } from '../../common/queue/names';
import type { DrillAdmin } from './drill-accounts';
import type { DrillOptions } from './drill-options';
import { drillNginxConfig, findNginx } from './drill-proxy';
import { ManagedProcess } from './managed-process';
import { SERVER_NODE_FLAGS } from '../../server/server-node-flags';
import { cpuSeconds, residentBytes } from './process-usage';

/** How long the servers and workers may take to come up, milliseconds. */
const START_TIMEOUT_MS = 30_000;

/**
 * Rosette as the drill runs it: its own redis-server (free port, append-only file, in a temporary
 * folder), several server processes on their own ports and several workers, all sharing that Redis and
 * one file store, all started from dist/.
 */
export class DrillCluster {
  readonly processes: ManagedProcess[] = [];
  readonly serverUrls: string[] = [];
  /** Each server's PRIORITY_PORT (`host:port`), for the proxy's reserved upstream; none without the proxy. */
  readonly priorityAddresses: string[] = [];
  /** Where the traffic goes: the servers, or nginx in front of them (DRILL_PROXY=nginx). */
  trafficUrls: string[] = [];
  /** The admin API's bearer token, made up for this run. */
  readonly adminToken = randomBytes(24).toString('base64url');
  /** A fail-fast connection for the drill's own reads (backlog, heartbeats). */
  redisClient!: Redis;
  /** The throw-away PostgreSQL of the run (records). */
  postgres: LocalPostgres | null = null;
  redisPeakRss = 0;

  private constructor(
    readonly redis: LocalRedis,
    readonly tempDir: string,
  ) {}

  get filesDir(): string {
    return path.join(this.tempDir, 'files');
  }

  /**
   * @param searchPath the PATH the processes get (they get nothing else of the drill's environment).
   * @param clock milliseconds since the drill's time zero.
   * @param admin the first admin the servers create, who invites the campaigners.
   */
  static async start(options: DrillOptions, logDir: string, clock: () => number, searchPath: string, admin: DrillAdmin): Promise<DrillCluster> {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-drill-'));
    const redis = new LocalRedis({ port: await freePort(), dir: path.join(tempDir, 'redis'), persistent: true });
    const cluster = new DrillCluster(redis, tempDir);
    await redis.start();
    const postgres = await startThrowawayPostgres(path.join(tempDir, 'postgres'), await freePort());
    cluster.postgres = postgres.server;
    cluster.redisClient = createFailFastRedis(redis.url);
    cluster.redisClient.on('error', () => undefined);

    const dist = path.join(__dirname, '..', '..');
    const common = {
      PATH: searchPath,
      NODE_ENV: options.DRILL_NODE_ENV,
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      DATABASE_URL: postgres.url,
      DATA_DIR: path.join(tempDir, 'data'),
      FILES_DIR: cluster.filesDir,
      // Several processes on one host: let each metrics endpoint pick a free port.
      METRICS_PORT: '0',
      WORKER_METRICS_PORT: '0',
    };
    fs.mkdirSync(logDir, { recursive: true });
    const sessionSecret = randomBytes(32).toString('base64url');
    for (let i = 1; i <= options.DRILL_SERVERS; i++) {
      const port = await freePort();
      const priorityPort = options.DRILL_PROXY === 'nginx' ? await freePort() : 0;
      if (priorityPort) cluster.priorityAddresses.push(`127.0.0.1:${priorityPort}`);
      const env = {
        ...common,
        PORT: String(port),
        PRIORITY_PORT: String(priorityPort),
        HOST: '127.0.0.1',
        ADMIN_TOKEN: cluster.adminToken,
        // Behind the drill's nginx the client is the address nginx saw (X-Forwarded-For), as deployed.
        TRUST_PROXY: options.DRILL_PROXY === 'nginx' ? 'loopback' : 'false',
        SESSION_SECRET: sessionSecret,
        FIRST_ADMIN_EMAIL: admin.email,
        FIRST_ADMIN_PASSWORD: admin.password,
        FIRST_ADMIN_ORG: admin.organisation,
      };
      cluster.processes.push(new ManagedProcess(`server-${i}`, 'server', { script: path.join(dist, 'server', 'main.js'), execArgv: SERVER_NODE_FLAGS }, env, path.join(logDir, `server-${i}.log`), clock));
      cluster.serverUrls.push(`http://127.0.0.1:${port}`);
    }
    for (let i = 1; i <= options.DRILL_WORKERS; i++) {
      const env = { ...common, WORKER_CONCURRENCY: String(options.DRILL_WORKER_CONCURRENCY) };
      cluster.processes.push(new ManagedProcess(`worker-${i}`, 'worker', { script: path.join(dist, 'worker', 'main.js') }, env, path.join(logDir, `worker-${i}.log`), clock));
    }
    for (const p of cluster.processes) p.start();
    try {
      await cluster.waitUntilUp(options.DRILL_WORKERS, logDir);
      cluster.trafficUrls = options.DRILL_PROXY === 'nginx' ? [await cluster.startProxy(searchPath, logDir, clock)] : cluster.serverUrls;
    } catch (err) {
      // A drill that cannot start must not leave its Redis, its processes or its folder behind.
      await cluster.stop().catch(() => undefined);
      throw err;
    }
    return cluster;
  }

  /**
   * Starts nginx in front of the servers with deploy/nginx.conf (drill-proxy.ts) and waits until it
   * answers; resolves with its URL.
   */
  private async startProxy(searchPath: string, logDir: string, clock: () => number): Promise<string> {
    const nginx = findNginx(searchPath);
    if (!nginx) throw new Error('DRILL_PROXY=nginx, but nginx is not installed (Debian: apt-get install nginx-light)');
    const root = path.join(__dirname, '..', '..', '..');
    const deployDir = path.join(root, 'deploy');
    const workDir = path.join(this.tempDir, 'nginx');
    fs.mkdirSync(workDir, { recursive: true });
    const port = await freePort();
    const main = this.serverUrls.map((u) => new URL(u).host);
    const upstreams = { rosette_servers: main, rosette_members: main, rosette_reserved: this.priorityAddresses };
    const configFile = path.join(workDir, 'nginx.conf');
    fs.writeFileSync(configFile, drillNginxConfig(fs.readFileSync(path.join(deployDir, 'nginx.conf'), 'utf8'), { port, upstreams, deployDir, workDir, logDir }));
    const proxy = new ManagedProcess('nginx', 'proxy', { command: nginx, args: ['-c', configFile, '-e', path.join(logDir, 'nginx-error.log'), '-g', 'daemon off;'] }, { PATH: searchPath }, path.join(logDir, 'nginx.log'), clock);
    this.processes.push(proxy);
    proxy.start();
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (await fetch(`${url}/nginx-health`).then((r) => r.ok, () => false)) return url;
      if (proxy.restarts > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start; see ${path.join(logDir, 'nginx.log')} and nginx-error.log`);
  }

  /** Samples every process's resident memory (and Redis's). */
  sampleMemory(): void {
    for (const p of this.processes) p.sample();
    const rss = this.redis.pid ? residentBytes(this.redis.pid) : null;
    if (rss !== null) this.redisPeakRss = Math.max(this.redisPeakRss, rss);
  }

  /** CPU seconds each process (and redis-server) has used so far, by name. */
  cpuSnapshot(): Map<string, number | null> {
    const snapshot = new Map(this.processes.map((p) => [p.name, p.total(cpuSeconds)]));
    snapshot.set('redis-server', this.redis.pid ? cpuSeconds(this.redis.pid) : null);
    return snapshot;
  }

  /** Jobs waiting in the print queue, and live workers by heartbeat; null when Redis does not answer. */
  async queueFacts(): Promise<{ waiting: number; liveWorkers: number } | null> {
    try {
      const [waiting, beats] = await Promise.all([this.redisClient.llen(`${QUEUE_PREFIX}:${PRINT_QUEUE}:wait`), readWorkerHeartbeats(this.redisClient)]);
      return { waiting, liveWorkers: beats.length };
    } catch {
      return null;
    }
  }

  /** Stops every process gracefully (SIGTERM), then Redis, and removes the temporary folder. */
  async stop(): Promise<Array<{ name: string; code: number | null; signal: NodeJS.Signals | null } | null>> {
    const ends = await Promise.all(this.processes.map(async (p) => {
      const end = await p.stop();
      return end && { name: p.name, ...end };
    }));
    this.redisClient?.disconnect();
    await this.redis.stop();
    await this.postgres?.stop('immediate');
    fs.rmSync(this.tempDir, { recursive: true, force: true });
    return ends;
  }

  private async waitUntilUp(workers: number, logDir: string): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    const pending = new Set(this.serverUrls);
    while (Date.now() < deadline) {
      for (const url of [...pending]) {
        const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
        if (ok) pending.delete(url);
      }
      const live = pending.size === 0 ? ((await this.queueFacts())?.liveWorkers ?? 0) : 0;
      if (pending.size === 0 && live >= workers) return;
      const died = this.processes.find((p) => p.restarts > 0);
      if (died) throw new Error(`${died.name} exited while starting; see ${path.join(logDir, `${died.name}.log`)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`Rosette did not come up within ${START_TIMEOUT_MS / 1000} s (servers not answering: ${[...pending].join(', ') || 'none'}); see the logs in ${logDir}`);
  }
}
