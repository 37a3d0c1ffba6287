import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort, LocalRedis } from '../common/node/local-redis';
import { fmt } from './stats';

/** What a calm client experienced in one phase. */
export interface CalmClientFigures {
  requests: number;
  /** Answers 503 (shed by the gate). */
  shed: number;
  /** shed / requests, 0-1. */
  shedShare: number;
  /** Answers other than 200 and 503, plus connection errors and timeouts. */
  unexpected: number;
  latencyMs: { p50: number; p99: number };
  /** The lowest in-flight limit the server reported while the phase ran (GET /api/admin/status, every 100 ms). */
  lowestLimit: number | null;
  /** Machine load average (1 minute) at the phase's end. */
  loadAverage: number;
}

export interface BusyNeighbourFigures {
  alone: CalmClientFigures;
  withNeighbours: CalmClientFigures;
  /** What took the cores: `stress-ng --cpu N` or N spinning node processes. */
  neighbours: string;
}

/** Where Debian's stress-ng is installed (apt-get install stress-ng). */
const STRESS_NG = '/usr/bin/stress-ng';
/** How often the limit is read during a phase, milliseconds. */
const LIMIT_POLL_MS = 100;

/**
 * Issue 12, finding 9: does a calm client stay served while other processes take the cores? One server
 * process (dist/server/main.js, or BENCH_SERVER_DIST's, its own redis-server) and one client: a closed
 * loop of `connections` keep-alive connections (autocannon, no pipelining) reading GET /api/templates
 * anonymously (the priority shed first) from 127.0.0.1, for `seconds`, first alone, then while
 * `neighbours` CPU-burning processes run, in the same run. Reports the 503 share and p50/p99 of each.
 * @param serverDist the dist/ folder whose server/main.js is measured (another build, for a before/after).
 */
export async function benchBusyNeighbour(seconds: number, connections: number, neighbours: number, serverDist = path.join(__dirname, '..')): Promise<BusyNeighbourFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-bench-neighbour-'));
  const redis = new LocalRedis({ port: await freePort(), dir: path.join(dir, 'redis'), persistent: false });
  const adminToken = randomBytes(24).toString('base64url');
  let server: ChildProcess | null = null;
  const burners: ChildProcess[] = [];
  try {
    await redis.start();
    const port = await freePort();
    server = fork(path.join(serverDist, 'server', 'main.js'), {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        REDIS_URL: redis.url,
        FILES_DIR: path.join(dir, 'files'),
        DATA_DIR: path.join(dir, 'data'),
        LOG_LEVEL: 'warn',
        METRICS_PORT: '0',
        ADMIN_TOKEN: adminToken,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        // One client address: a read budget it cannot exhaust, so only the gate's cap can shed it.
        RATE_LIMIT_READS: '1000000000',
      },
      stdio: 'inherit',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilServing(`${base}/healthz`, 30_000);
    const url = `${base}/api/templates`;
    await autocannon({ url, connections, duration: 2 }); // warm up (JIT, caches)

    const alone = await calmPhase(url, base, adminToken, connections, seconds);
    const what = fs.existsSync(STRESS_NG) ? `stress-ng --cpu ${neighbours}` : `${neighbours} spinning node processes`;
    for (const burner of startNeighbours(neighbours)) burners.push(burner);
    await new Promise((r) => setTimeout(r, 1000)); // let them take the cores
    const withNeighbours = await calmPhase(url, base, adminToken, connections, seconds);

    console.log(`A calm client: ${connections} keep-alive connections in a closed loop on GET /api/templates (anonymous), ${seconds} s per phase, one server on 127.0.0.1 (${os.availableParallelism()} cores)`);
    for (const [name, f] of [['alone', alone], [`with ${what}`, withNeighbours]] as const) {
      console.log(`  ${name.padEnd(28)} ${String(f.requests).padStart(6)} requests, ${fmt(f.shedShare * 100, 1)} % shed (503 x${f.shed}), unexpected ${f.unexpected}; p50 ${fmt(f.latencyMs.p50, 1)} ms, p99 ${fmt(f.latencyMs.p99, 1)} ms; lowest limit ${f.lowestLimit ?? '?'}; load ${fmt(f.loadAverage, 1)}`);
    }
    return { alone, withNeighbours, neighbours: what };
  } finally {
    await Promise.all(burners.map(stop));
    if (server) await stop(server);
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One bounded phase of the calm client, reading the server's limit alongside. */
async function calmPhase(url: string, base: string, adminToken: string, connections: number, seconds: number): Promise<CalmClientFigures> {
  let lowestLimit: number | null = null;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const limit = await fetch(`${base}/api/admin/status`, { headers: { authorization: `Bearer ${adminToken}` } })
        .then((r) => r.json() as Promise<{ inFlight?: { limit: number } }>)
        .then((s) => s.inFlight?.limit ?? null, () => null);
      if (limit !== null) lowestLimit = Math.min(lowestLimit ?? limit, limit);
      await new Promise((r) => setTimeout(r, LIMIT_POLL_MS));
    }
  })();
  const result = await autocannon({ url, connections, duration: seconds });
  polling = false;
  await poll;
  const byStatus = result.statusCodeStats as unknown as Record<string, { count: number }> | undefined;
  const count = (status: number) => byStatus?.[String(status)]?.count ?? 0;
  const requests = result.requests.total;
  const shed = count(503);
  return {
    requests,
    shed,
    shedShare: requests === 0 ? 0 : shed / requests,
    unexpected: requests - count(200) - shed + result.errors + result.timeouts,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    lowestLimit,
    loadAverage: os.loadavg()[0]!,
  };
}

/** CPU-burning processes: stress-ng's CPU stressors where installed, otherwise node processes spinning. */
function startNeighbours(n: number): ChildProcess[] {
  if (fs.existsSync(STRESS_NG)) return [spawn(STRESS_NG, ['--cpu', String(n), '--quiet'], { stdio: 'ignore' })];
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
