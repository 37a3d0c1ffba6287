import { EventEmitter } from 'node:events';
import { ChildProcesses, type ChildLike } from '../../server/child-processes';

/** A child that records the signals it gets and exits on the first, as a real one would. */
class FakeChild extends EventEmitter implements ChildLike {
  readonly signals: NodeJS.Signals[] = [];
  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal);
    setImmediate(() => this.die(null, signal));
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.emit('exit', code, signal);
  }
}

/** Timers that only fire when the test says so. */
class ManualTimers {
  readonly pending = new Map<NodeJS.Timeout, () => void>();
  private next = 0;
  setTimer = (fn: () => void): NodeJS.Timeout => {
    const timer = { id: this.next++ } as unknown as NodeJS.Timeout;
    this.pending.set(timer, fn);
    return timer;
  };
  clearTimer = (timer: NodeJS.Timeout): void => {
    this.pending.delete(timer);
  };
  /** Fires every timer still pending. */
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

function rig() {
  const timers = new ManualTimers();
  const started: FakeChild[] = [];
  const children = new ChildProcesses({ restartDelayMs: 2000, setTimer: timers.setTimer, clearTimer: timers.clearTimer, log: () => undefined });
  const worker = {
    name: 'worker',
    start: () => {
      const child = new FakeChild();
      started.push(child);
      return child;
    },
  };
  return { timers, started, children, worker };
}

describe('the children npm start runs', () => {
  it('starts a child that died again after the pause', () => {
    const { timers, started, children, worker } = rig();
    children.run(worker);
    started[0]!.die(1);
    expect(started).toHaveLength(1);
    timers.fireAll();
    expect(started).toHaveLength(2);
  });

  describe('when a child died and stop begins before its restart is due', () => {
    it('cancels the restart, so no child is started while stopping', async () => {
      const { timers, started, children, worker } = rig();
      children.run(worker);
      started[0]!.die(1);
      expect(timers.pending.size).toBe(1);
      await children.stop();
      expect(timers.pending.size).toBe(0);
      expect(started).toHaveLength(1);
    });

    it('starts nothing even when the restart timer had already fired', async () => {
      const { timers, started, children, worker } = rig();
      children.run(worker);
      started[0]!.die(1);
      // The timer's callback was already queued when stop began: clearing it is too late.
      const [restart] = [...timers.pending.values()];
      await children.stop();
      restart!();
      expect(started).toHaveLength(1);
    });
  });

  describe('when a child dies while stop waits for the children', () => {
    it('sends each running child SIGTERM, resolves once all have exited and starts none again', async () => {
      const { timers, started, children, worker } = rig();
      children.run(worker);
      children.run({ ...worker, name: 'server' });
      const [a, b] = started;
      // b ignores SIGTERM at first and then crashes on its own.
      b!.kill = (signal) => (b!.signals.push(signal), true);
      const stopped = children.stop();
      b!.die(1);
      await stopped;
      expect(a!.signals).toEqual(['SIGTERM']);
      expect(b!.signals).toEqual(['SIGTERM']);
      expect(timers.pending.size).toBe(0);
      timers.fireAll();
      expect(started).toHaveLength(2);
    });
  });
});
