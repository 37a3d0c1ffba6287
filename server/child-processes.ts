/** The part of a forked child process that ChildProcesses uses (node's ChildProcess has it). */
export interface ChildLike {
  kill(signal: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

/** What a child is: a name for the log, and how to start it. */
export interface ChildSpec {
  name: string;
  start: () => ChildLike;
}

export interface ChildProcessesDeps {
  /** Pause before a child that died is started again, milliseconds. */
  restartDelayMs: number;
  setTimer: (fn: () => void, ms: number) => NodeJS.Timeout;
  clearTimer: (timer: NodeJS.Timeout) => void;
  log: (message: string) => void;
}

/**
 * The children `npm start` runs: a child that dies is started again after a pause, until stop()
 * begins; from then on nothing is started again, restarts already scheduled included.
 */
export class ChildProcesses {
  private readonly children = new Set<ChildLike>();
  private readonly restarts = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly deps: ChildProcessesDeps) {}

  /** Starts the child now and keeps it running. */
  run(spec: ChildSpec): void {
    if (this.stopping) return;
    const child = spec.start();
    this.children.add(child);
    child.once('exit', (code, signal) => {
      this.children.delete(child);
      if (this.stopping) return;
      this.deps.log(`${spec.name} exited (${signal ?? code}); starting it again in ${this.deps.restartDelayMs / 1000} s`);
      const timer = this.deps.setTimer(() => {
        this.restarts.delete(timer);
        this.run(spec);
      }, this.deps.restartDelayMs);
      this.restarts.add(timer);
    });
  }

  /** Cancels the restarts scheduled, sends every child `signal` and waits until all have exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) this.deps.clearTimer(timer);
    this.restarts.clear();
    await Promise.all(
      [...this.children].map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill(signal);
          }),
      ),
    );
  }
}
