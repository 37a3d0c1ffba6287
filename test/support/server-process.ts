import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../common/node/local-redis';
import { builtDist } from './built-dist';
import type { LogLine } from './worker-process';

/** How long a server process may take from fork to answering /healthz, milliseconds. */
const START_TIMEOUT_MS = 30_000;

/**
 * A real server process (dist/server/main.js) on a free loopback port, with its pino log collected
 * line by line. The environment is the server's configuration (PORT and HOST are chosen here); LOG_LEVEL
 * defaults to info so a test can read the log, and a failed start throws with the log attached.
 */
export class ServerProcess {
  readonly logs: LogLine[] = [];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly url: string;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ level: 30, msg: line });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => this.logs.push({ level: 50, msg: chunk.toString('utf8') }));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Forks a server with `env` (plus PORT, HOST) and resolves once it answers GET /healthz. */
  static async start(env: Record<string, string>, timeoutMs = START_TIMEOUT_MS): Promise<ServerProcess> {
    const dist = builtDist(['server/main.js']);
    const port = await freePort();
    const child = fork(path.join(dist, 'server', 'main.js'), [], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', METRICS_PORT: '0', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new ServerProcess(child, port);
    try {
      await server.waitUntilAnswering(timeoutMs);
    } catch (err) {
      await server.stop('SIGKILL');
      throw err;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Log lines whose message contains `text`. */
  lines(text: string): LogLine[] {
    return this.logs.filter((l) => l.msg.includes(text));
  }

  /** Sends a signal and waits for the process to end; SIGKILL after `graceMs` if it has not. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.alive) return this.exited;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const end = await this.exited;
    clearTimeout(timer);
    return end;
  }

  private async waitUntilAnswering(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.alive) throw new Error(`server exited while starting (${JSON.stringify(await this.exited)}); log:\n${this.logText()}`);
      const ok = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`server on port ${this.port} did not answer /healthz within ${timeoutMs} ms; log:\n${this.logText()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private logText(): string {
    return this.logs.map((l) => JSON.stringify(l)).join('\n');
  }
}
