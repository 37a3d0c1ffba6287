import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { HeavyWorkQueue } from '../../../server/overload/heavy-work-queue';

/** The part of a ServerResponse the queue uses: its `close` event and whether it is over. */
class Response extends EventEmitter {
  destroyed = false;
  writableEnded = false;
  /** The answer is sent (or the client went away): node:http emits `close` then. */
  close(): void {
    this.writableEnded = true;
    this.emit('close');
  }
}

function request(queue: HeavyWorkQueue, log: string[], name: string): Response {
  const res = new Response();
  queue.admit(
    res as unknown as ServerResponse,
    () => log.push(`${name} started`),
    () => log.push(`${name} refused`),
  );
  return res;
}

describe('the heavy work queue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('works on `slots` requests at once and starts the next in order as each one ends', () => {
    const queue = new HeavyWorkQueue({ slots: 2, maxWaiting: 10, maxWaitMs: 5000 });
    const log: string[] = [];
    const [a, b] = [request(queue, log, 'a'), request(queue, log, 'b')];
    request(queue, log, 'c');
    request(queue, log, 'd');
    expect(log).toEqual(['a started', 'b started']);
    expect({ active: queue.active, queued: queue.queued }).toEqual({ active: 2, queued: 2 });
    b.close();
    expect(log).toEqual(['a started', 'b started', 'c started']);
    a.close();
    expect(log).toEqual(['a started', 'b started', 'c started', 'd started']);
    expect({ active: queue.active, queued: queue.queued }).toEqual({ active: 2, queued: 0 });
  });

  it('refuses at once when too many wait, and after maxWaitMs one that waited too long', () => {
    const queue = new HeavyWorkQueue({ slots: 1, maxWaiting: 1, maxWaitMs: 5000 });
    const log: string[] = [];
    request(queue, log, 'a');
    request(queue, log, 'b');
    request(queue, log, 'c');
    expect(log).toEqual(['a started', 'c refused']);
    jest.advanceTimersByTime(4999);
    expect(log).toEqual(['a started', 'c refused']);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(['a started', 'c refused', 'b refused']);
    expect(queue.queued).toBe(0);
  });

  it('gives up the place of a client that went away while waiting, and neither starts nor refuses it', () => {
    const queue = new HeavyWorkQueue({ slots: 1, maxWaiting: 1, maxWaitMs: 5000 });
    const log: string[] = [];
    const a = request(queue, log, 'a');
    const b = request(queue, log, 'b');
    b.destroyed = true;
    b.emit('close');
    expect(queue.queued).toBe(0);
    request(queue, log, 'c');
    a.close();
    jest.advanceTimersByTime(10_000);
    expect(log).toEqual(['a started', 'c started']);
  });
});
