import { fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../common/node/config';
import { answeringRedisUrl } from '../common/node/find-redis';
import { LocalRedis, REDIS_MISSING } from '../common/node/local-redis';
import { answeringDatabaseUrl } from '../common/node/find-postgres';
import { LocalPostgres, POSTGRES_MISSING } from '../common/node/local-postgres';
import { localRedisPassword, REDIS_PASSWORD_FILE } from '../common/node/local-redis-password';
import { isLoopbackUrl } from '../common/node/service-url';
import pg from 'pg';
import { ChildProcesses } from './child-processes';
import { serverNodeFlags } from './server-node-flags';

/** Pause before a child that died is started again, milliseconds. */
const RESTART_DELAY_MS = 2000;
/** Longest the worker waits for the server to listen before it starts anyway, milliseconds. */
const SERVER_START_WAIT_MS = 20_000;
/** Pause between two tries to connect to the starting server, milliseconds. */
const CONNECT_RETRY_MS = 50;

/** Resolves once something accepts TCP connections at host:port, or after `limitMs` (whichever comes first). */
async function acceptsConnections(host: string, port: number, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, CONNECT_RETRY_MS));
  }
}

/**
 * `npm start`: one server and one worker, plus a local redis-server (data under DATA_DIR/redis) when
 * nothing answers at REDIS_URL. That Redis requires a password, made on first start and kept in
 * DATA_DIR/redis/password (0600); the server and worker get it in their REDIS_URL. A REDIS_URL that
 * answers as it is (an external Redis, or one with its own password) is used unchanged. PostgreSQL
 * likewise: when nothing answers at DATABASE_URL, a local cluster under DATA_DIR/postgres (made by
 * initdb on first start, loopback only, password in DATA_DIR/postgres/password, 0600). Children
 * that die are started again after a pause.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  let redis: LocalRedis | null = null;
  // REDIS_URL as it is, or the local Redis an earlier npm start left running (it answers with its password only).
  const found = await answeringRedisUrl(config);
  /** What the children connect to (it may carry the local Redis's password: never print it). */
  let redisUrl = found ?? config.REDIS_URL;
  const url = new URL(config.REDIS_URL);
  const local = isLoopbackUrl(config.REDIS_URL);
  const redisDir = path.resolve(config.DATA_DIR, 'redis');
  if (!found) {
    if (!config.REDIS_AUTOSTART || !local) {
      console.error(`Nothing answers at ${url.host}: start Redis there or set REDIS_URL to one that runs.`);
      process.exit(1);
    }
    if (!LocalRedis.isInstalled()) {
      console.error(REDIS_MISSING);
      process.exit(1);
    }
    redis = new LocalRedis({ port: Number(url.port || 6379), dir: redisDir, persistent: true, password: localRedisPassword(redisDir) });
    await redis.start();
    redisUrl = redis.url;
    console.log(`Started redis-server on ${url.host}, password in ${path.join(redisDir, REDIS_PASSWORD_FILE)} (data in ${redisDir})`);
  }

  const database = await ensurePostgres(config);

  const children = new ChildProcesses({ restartDelayMs: RESTART_DELAY_MS, setTimer: setTimeout, clearTimer: clearTimeout, log: (m) => console.error(m) });
  const child = (name: string, file: string, execArgv: readonly string[] = []) => ({
    name,
    start: () => fork(path.join(__dirname, '..', file), { stdio: 'inherit', execArgv: [...execArgv], env: { ...process.env, REDIS_URL: redisUrl, DATABASE_URL: database.url } }),
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await children.stop();
    await redis?.stop();
    await database.server?.stop('fast');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  children.run(child('server', 'server/main.js', serverNodeFlags(config.RSS_LIMIT_MB)));
  // The worker starts once the server listens: on a small machine the two would otherwise share the CPU
  // while the first page waits (a print job sent meanwhile waits in the queue, as on any restart).
  await acceptsConnections(config.HOST, config.PORT, SERVER_START_WAIT_MS);
  children.run(child('worker', 'worker/main.js'));
}

/** Folder of the local PostgreSQL under DATA_DIR: its password file and its cluster (data/). */
const POSTGRES_DIR = 'postgres';

/**
 * The PostgreSQL the children use: DATABASE_URL when something answers there (with the local password
 * added when an earlier npm start left its own running), else a local one started here.
 */
async function ensurePostgres(config: ReturnType<typeof loadConfig>): Promise<{ url: string; server: LocalPostgres | null }> {
  const found = await answeringDatabaseUrl(config);
  if (found) return { url: found, server: null };
  const url = new URL(config.DATABASE_URL);
  const dir = path.resolve(config.DATA_DIR, POSTGRES_DIR);
  const passwordFile = path.join(dir, REDIS_PASSWORD_FILE);
  const ours = isLoopbackUrl(config.DATABASE_URL) && config.DATABASE_AUTOSTART && !url.password;
  if (!ours) {
    console.error(`Nothing answers at ${url.host}: start PostgreSQL there or set DATABASE_URL to one that runs.`);
    process.exit(1);
  }
  if (!LocalPostgres.isInstalled()) {
    console.error(POSTGRES_MISSING);
    process.exit(1);
  }
  const password = localRedisPassword(dir, 'PostgreSQL');
  // As root, PostgreSQL runs as `nobody` (local-postgres.ts), who must be able to enter its folder
  // (the password file in it stays the owner's alone). DATA_DIR may be owner-only (0700): let others
  // pass through it (0711), not list it.
  if (process.getuid?.() === 0) {
    fs.chmodSync(dir, 0o755);
    const parent = path.dirname(dir);
    fs.chmodSync(parent, fs.statSync(parent).mode | 0o011);
  }
  const user = decodeURIComponent(url.username) || 'rosette';
  const server = new LocalPostgres({ port: Number(url.port || 5432), dataDir: path.join(dir, 'data'), user, password });
  await server.start();
  const database = decodeURIComponent(url.pathname.slice(1)) || 'rosette';
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  console.log(`Started PostgreSQL on ${url.host}, password in ${passwordFile} (data in ${path.join(dir, 'data')})`);
  return { url: server.url(database), server };
}

main().catch((err: unknown) => {
  console.error(`Rosette could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
