import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { residentBytes } from './process-usage';

/** Pause before a process that died is started again, milliseconds (as npm start does). */
const RESTART_DELAY_MS = 1000;

/** How a process ended when nobody asked it to. */
export interface UnexpectedExit {
  /** Milliseconds since the drill's time zero. */
  atMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A Node process of the drill (a server or a worker): forked with its output in a log file, started
 * again if it dies (as `npm start` does, so one crash does not end the drill, but it is counted), and
 * sampled for its resident memory.
 */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  readonly exits: UnexpectedExit[] = [];
  restarts = 0;
  /** Highest resident set size seen, bytes. */
  peakRss = 0;

  constructor(
    readonly name: string,
    readonly role: 'server' | 'worker',
    private readonly file: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    /** Milliseconds since the drill's time zero. */
    private readonly clock: () => number,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const log = fs.openSync(this.logFile, 'a');
    const child = fork(this.file, [], { env: this.env, stdio: ['ignore', log, log, 'ipc'] });
    fs.closeSync(log);
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.exits.push({ atMs: Math.round(this.clock()), code, signal });
      this.restarts += 1;
      setTimeout(() => !this.stopping && this.start(), RESTART_DELAY_MS);
    });
  }

  /** Records the resident memory now. */
  sample(): number | null {
    const rss = this.pid ? residentBytes(this.pid) : null;
    if (rss !== null) this.peakRss = Math.max(this.peakRss, rss);
    return rss;
  }

  /** SIGTERM (a graceful stop), then SIGKILL after `graceMs`. Resolves with how the process ended. */
  async stop(graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null } | null> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return null;
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
      child.kill('SIGTERM');
    });
  }
}
