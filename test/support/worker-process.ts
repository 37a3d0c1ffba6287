import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { builtDist } from './built-dist';

/** One line of a worker's pino log. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * A real worker process (dist/worker/main.js) with its log collected line by line. The environment is
 * the worker's configuration; LOG_LEVEL defaults to info because the tests read the log.
 */
export class WorkerProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(env: Record<string, string>) {
    const dist = builtDist(['worker/main.js', 'worker/render-pool/render-thread.js']);
    this.child = fork(path.join(dist, 'worker', 'main.js'), [], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let partial = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
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
    this.child.stderr!.on('data', (chunk: Buffer) => this.logs.push({ level: 50, msg: chunk.toString('utf8') }));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
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

  /** Waits for a log line matching `test`, up to `timeoutMs`. */
  async waitForLog(test: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs.find(test);
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms; log:\n${this.logs.map((l) => JSON.stringify(l)).join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Sends a signal and waits for the process to end. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }
}
