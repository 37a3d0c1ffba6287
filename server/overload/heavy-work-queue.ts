import type { ServerResponse } from 'node:http';

/** Heavy requests that may wait for their turn unless told; one more is refused at once. */
export const DEFAULT_MAX_WAITING = 64;
/** Longest a heavy request waits for its turn unless told, milliseconds (then it is refused, to be sent again). */
export const DEFAULT_MAX_WAIT_MS = 5_000;

export interface HeavyWorkQueueOptions {
  /** Heavy requests worked on at once. */
  slots: number;
  /** Heavy requests that may wait for a slot; one more is refused at once. */
  maxWaiting?: number;
  /** Longest a request waits for a slot before it is refused, milliseconds. */
  maxWaitMs?: number;
}

interface Waiter {
  res: ServerResponse;
  start: () => void;
  refuse: () => void;
  timer: NodeJS.Timeout;
}

/**
 * A bulkhead for the requests that cost the event loop milliseconds each (a print job is parsed,
 * checked and laid out): only `slots` of them are worked on at once, the next
 * ones wait their turn in order (a waiting request costs nothing but its place), and past `maxWaiting`
 * or `maxWaitMs` they are refused, to be sent again. Without it, a burst of print jobs lets each turn
 * of the loop do tens of milliseconds of layout, and every download and shed answer waits for that
 * turn to end. A request that goes away while waiting gives up its place.
 */
export class HeavyWorkQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly options: Required<HeavyWorkQueueOptions>;

  constructor(options: HeavyWorkQueueOptions) {
    this.options = { maxWaiting: DEFAULT_MAX_WAITING, maxWaitMs: DEFAULT_MAX_WAIT_MS, ...options };
  }

  /** Heavy requests being worked on now. */
  get active(): number {
    return this.running;
  }

  /** Heavy requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `start` now or when a slot frees (the slot is held until `res` closes), or calls `refuse`
   * when too many wait or the wait is too long. Exactly one of the two is called, unless the client
   * goes away while waiting.
   */
  admit(res: ServerResponse, start: () => void, refuse: () => void): void {
    if (this.running < this.options.slots) {
      this.begin(res, start);
      return;
    }
    if (this.waiting.length >= this.options.maxWaiting) {
      refuse();
      return;
    }
    const waiter: Waiter = {
      res,
      start,
      refuse,
      timer: setTimeout(() => {
        if (this.remove(waiter)) refuse();
      }, this.options.maxWaitMs),
    };
    this.waiting.push(waiter);
    res.once('close', () => {
      if (this.remove(waiter)) clearTimeout(waiter.timer);
    });
  }

  private begin(res: ServerResponse, start: () => void): void {
    this.running += 1;
    res.once('close', () => {
      this.running -= 1;
      this.next();
    });
    start();
  }

  private next(): void {
    while (this.running < this.options.slots && this.waiting.length > 0) {
      const waiter = this.waiting.shift()!;
      clearTimeout(waiter.timer);
      if (waiter.res.destroyed || waiter.res.writableEnded) continue;
      this.begin(waiter.res, waiter.start);
    }
  }

  private remove(waiter: Waiter): boolean {
    const i = this.waiting.indexOf(waiter);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }
}
