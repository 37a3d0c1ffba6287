import { fork, type ChildProcess } from 'node:child_process';
import { waitForValue } from './wait-for';

/** One line of a process's pino log. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** How a forked process ended: its exit code (null when killed by a signal) and the signal. */
export type ProcessEnd = { code: number | null; signal: NodeJS.Signals | null };

/**
 * A real Rosette process forked from dist/, with its pino log collected line by line (stderr lines
 * count as errors). The environment is the process's configuration and nothing else of the test's.
 */
export class ForkedProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessEnd>;

  constructor(modulePath: string, env: Record<string, string>) {
    this.child = fork(modulePath, [], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
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

  /** The whole log, a JSON line per entry (for failure messages). */
  logText(): string {
    return this.logs.map((l) => JSON.stringify(l)).join('\n');
  }

  /** Waits for a log line matching `test`, up to `timeoutMs`. */
  async waitForLog(test: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    return waitForValue('such a log line', () => this.logs.find(test), { timeoutMs, everyMs: 25, detail: () => `log:\n${this.logText()}` });
  }

  /** Sends a signal and waits for the process to end; SIGKILL after `graceMs` if it has not (never, by default). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = Number.POSITIVE_INFINITY): Promise<ProcessEnd> {
    if (!this.alive) return this.exited;
    this.child.kill(signal);
    const timer = Number.isFinite(graceMs) ? setTimeout(() => this.child.kill('SIGKILL'), graceMs) : null;
    const end = await this.exited;
    if (timer) clearTimeout(timer);
    return end;
  }
}
