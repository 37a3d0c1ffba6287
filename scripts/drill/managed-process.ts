import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { childPids, residentBytes } from './process-usage';

/** Pause before a process that died is started again, milliseconds (as npm start does). */
const RESTART_DELAY_MS = 1000;

/** How a process ended when nobody asked it to. */
export interface UnexpectedExit {
  /** Milliseconds since the drill's time zero. */
  atMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What a managed process runs: a Node script (forked), or another program (nginx). */
export type Program = { script: string; execArgv?: readonly string[] } | { command: string; args: string[] };

/**
 * A process of the drill (a server, a worker, the proxy): started with its output in a log file,
 * started again if it dies (as `npm start` does, so one crash does not end the drill, but it is
 * counted), and sampled for its resident memory (with its children's: nginx's workers).
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
    readonly role: 'server' | 'worker' | 'proxy',
    private readonly program: Program,
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
    const child =
      'script' in this.program
        ? fork(this.program.script, [], { env: this.env, execArgv: [...(this.program.execArgv ?? [])], stdio: ['ignore', log, log, 'ipc'] })
        : spawn(this.program.command, this.program.args, { env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.exits.push({ atMs: Math.round(this.clock()), code, signal });
      this.restarts += 1;
      setTimeout(() => !this.stopping && this.start(), RESTART_DELAY_MS);
    });
  }

  /**
   * A reading of the process summed with its children's (nginx's workers): resident bytes, CPU
   * seconds. Null when the process itself is gone or cannot be read.
   */
  total(read: (pid: number) => number | null): number | null {
    const own = this.pid ? read(this.pid) : null;
    if (own === null) return null;
    return childPids(this.pid!).reduce((sum, pid) => sum + (read(pid) ?? 0), own);
  }

  /** Records the resident memory now (the process's and its children's). */
  sample(): number | null {
    const rss = this.total(residentBytes);
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
