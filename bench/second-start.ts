import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../common/node/local-redis';
import { repositoryRoot } from '../scripts/build-client';

/** Give up on a start after this long, milliseconds (a start that has to build takes a minute or more on a busy machine). */
const START_LIMIT_MS = 10 * 60_000;
/** Issue 13's target for a start with nothing changed, milliseconds to the first page. */
const TARGET_MS = 5000;

/**
 * `npm run bench:start`: how long `npm start` takes to serve its first page, the first time (whatever
 * needs building) and again with nothing changed, against a Redis it starts itself on free ports
 * under a temporary DATA_DIR.
 */
async function main(): Promise<void> {
  const root = repositoryRoot(__dirname);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    METRICS_PORT: String(await freePort()),
    WORKER_METRICS_PORT: String(await freePort()),
    REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    LOG_LEVEL: 'warn',
  };
  try {
    const first = await timeToFirstPage(root, env, port);
    console.log(`first start, new DATA_DIR (npm run build has just run): ${describe(first)}`);
    const second = await timeToFirstPage(root, env, port);
    console.log(`second start, nothing changed: ${describe(second)} (target under ${TARGET_MS / 1000} s)`);
    // Wall-clock figures depend on what else the machine does: say how busy it was.
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface StartFigures {
  /** Milliseconds from running `npm start` to the first 200 on GET /. */
  wallMs: number;
  /** CPU seconds the start's processes had used by then (Linux; null elsewhere). */
  cpuSeconds: number | null;
}

function describe(f: StartFigures): string {
  return `${(f.wallMs / 1000).toFixed(1)} s to the first page${f.cpuSeconds === null ? '' : `, ${f.cpuSeconds.toFixed(1)} s of CPU`}`;
}

/**
 * CPU time (user and system) of every process in a process group, those that have exited included
 * (their parents' cutime and cstime count them): read from /proc, in clock ticks of 1/100 s.
 */
function groupCpuSeconds(pgid: number): number | null {
  if (process.platform !== 'linux') return null;
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / 100;
}

/** Runs `npm start`, polls GET / until it answers 200, stops it (SIGINT to its process group) and returns the figures at that answer. */
async function timeToFirstPage(root: string, env: NodeJS.ProcessEnv, port: number): Promise<StartFigures> {
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before serving a page`);
      if (performance.now() - started > START_LIMIT_MS) throw new Error('npm start served no page in 10 minutes');
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status === 200, () => false);
      if (ok) return { wallMs: performance.now() - started, cpuSeconds: groupCpuSeconds(child.pid!) };
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGINT');
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
