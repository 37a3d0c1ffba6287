import { drillAdmin, sessionHeaders, signIn } from '../scripts/drill/drill-accounts';
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, LocalRedis } from '../common/node/local-redis';
import { startThrowawayPostgres, type LocalPostgres } from '../common/node/local-postgres';
import { cpuSecondsOf } from './process-cpu';
import { fmt } from './stats';

/**
 * Requests each connection keeps in flight (HTTP pipelining). With one core for the load generator and
 * one for the server, the generator's per-request cost would otherwise cap the faster server's figure;
 * both servers are loaded the same way.
 */
const PIPELINING = 10;

/** One server's figures under a bounded keep-alive load. */
export interface LoadFigures {
  perSecond: number;
  /** Answers per second of the server process's own CPU time (Linux): holds even when the generator is the bottleneck. */
  perCpuSecond: number | null;
  /** Answers with another status than expected, plus connection errors and timeouts. */
  unexpected: number;
}

export interface ShedFigures {
  hello: LoadFigures;
  shed: LoadFigures;
  /** shed.perSecond / hello.perSecond (target >= 4). */
  ratio: number;
  /** The same ratio per CPU second of each server process; null off Linux. */
  cpuRatio: number | null;
}

/**
 * What a shed answer costs next to a served one, in the same run: Express 5's hello world, and the
 * real server (dist/server/main.js, its own redis-server) in maintenance answering GET /api/templates
 * with 503 from the gate. Both are child processes on 127.0.0.1 loaded by autocannon from this
 * process over the same keep-alive connections for the same bounded time.
 * @param seconds How long each load runs (after a warm-up of a second).
 * @param connections Concurrent keep-alive connections.
 */
export async function benchShed(seconds: number, connections: number): Promise<ShedFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-bench-shed-'));
  const redis = new LocalRedis({ port: await freePort(), dir: path.join(dir, 'redis'), persistent: false });
  const children: ChildProcess[] = [];
  let postgres: LocalPostgres | null = null;
  try {
    await redis.start();
    const database = await startThrowawayPostgres(path.join(dir, 'postgres'), await freePort());
    postgres = database.server;
    const helloPort = await freePort();
    const hello = fork(path.join(__dirname, 'hello-express.js'), { env: { ...process.env, PORT: String(helloPort) }, stdio: 'inherit' });
    children.push(hello);
    await new Promise<void>((resolve, reject) => {
      hello.once('message', () => resolve());
      hello.once('exit', (code) => reject(new Error(`the hello-world server exited (${code})`)));
    });

    const port = await freePort();
    const admin = drillAdmin();
    const server = fork(path.join(__dirname, '..', 'server', 'main.js'), {
      env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), REDIS_URL: redis.url, DATABASE_URL: database.url, FILES_DIR: path.join(dir, 'files'), LOG_LEVEL: 'warn', METRICS_PORT: '0', FIRST_ADMIN_EMAIL: admin.email, FIRST_ADMIN_PASSWORD: admin.password },
      stdio: 'inherit',
    });
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200, 15_000, 'the server did not start');
    const session = await signIn(base, admin.email, admin.password);
    const switched = await fetch(`${base}/api/admin/maintenance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sessionHeaders(session) },
      body: JSON.stringify({ mode: 'on', reason: 'shed benchmark' }),
    });
    if (switched.status !== 200) throw new Error(`could not switch maintenance on (${switched.status})`);
    await waitUntil(async () => (await fetch(`${base}/api/templates`)).status === 503, 5000, 'the server did not shed');

    const helloFigures = await load(`http://127.0.0.1:${helloPort}/`, 200, hello.pid, seconds, connections);
    const shedFigures = await load(`${base}/api/templates`, 503, server.pid, seconds, connections);
    const figures: ShedFigures = {
      hello: helloFigures,
      shed: shedFigures,
      ratio: shedFigures.perSecond / helloFigures.perSecond,
      cpuRatio: shedFigures.perCpuSecond && helloFigures.perCpuSecond ? shedFigures.perCpuSecond / helloFigures.perCpuSecond : null,
    };
    const line = (name: string, f: LoadFigures) =>
      `  ${name}  ${fmt(f.perSecond, 0).padStart(7)}/s` +
      (f.perCpuSecond ? `  (${fmt(f.perCpuSecond, 0)} per CPU second of the server)` : '') +
      (f.unexpected ? `  UNEXPECTED ANSWERS: ${f.unexpected}` : '');
    console.log(`Shed answers: ${connections} keep-alive connections, ${PIPELINING} requests pipelined on each, for ${seconds} s each, on 127.0.0.1 (${os.cpus().length} cores; load average ${os.loadavg()[0]!.toFixed(1)})`);
    console.log(line('Express 5 hello world      ', helloFigures));
    console.log(line('gate 503 (maintenance page)', shedFigures));
    console.log(`  shed answers per second = ${fmt(figures.ratio, 1)}x Express hello world (target >= 4x)` + (figures.cpuRatio ? `; per CPU second of the server ${fmt(figures.cpuRatio, 1)}x` : ''));
    console.log('  (latency is not reported here: with pipelining it measures the queue on each connection; the drill measures shed latency)');
    return figures;
  } finally {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    await redis.stop();
    await postgres?.stop('immediate');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function load(url: string, expected: number, pid: number | undefined, seconds: number, connections: number): Promise<LoadFigures> {
  await autocannon({ url, connections, duration: 1, pipelining: PIPELINING }); // warm-up: JIT, connections
  const cpuBefore = cpuSecondsOf(pid);
  const result = await autocannon({ url, connections, duration: seconds, pipelining: PIPELINING });
  const cpuAfter = cpuSecondsOf(pid);
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const total = result.requests.total;
  const matching = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.[String(expected)]?.count ?? 0;
  return {
    perSecond: result.requests.average,
    perCpuSecond: cpu ? total / cpu : null,
    unexpected: total - matching + result.errors + result.timeouts,
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${failure} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
