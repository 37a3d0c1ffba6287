import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';

/** How long a count may wait for Redis before it is taken locally instead, milliseconds. */
export const FALLBACK_AFTER_MS = 100;
/** After Redis was slow or away, counts stay local this long before Redis is tried again, milliseconds. */
export const LOCAL_FOR_MS = 5000;

/**
 * A rate-limit store for requests that must never wait on Redis (finished PDFs): it counts in the shared
 * store (Redis), but when Redis does not answer within FALLBACK_AFTER_MS, or has failed within the last
 * LOCAL_FOR_MS, or the ladder already knows it is down, it counts in this process's memory instead. A
 * frozen Redis (SIGSTOP, a long fork) then costs a download at most 100 ms once, then nothing, and the
 * per-address limit still holds, per server process, while Redis is away.
 */
export class LocalFallbackStore implements Store {
  private readonly local = new MemoryStore();
  private localUntil = 0;
  readonly prefix?: string;

  constructor(
    private readonly shared: Store,
    private readonly deps: { redisUp: () => boolean; now?: () => number; onFallback?: (why: 'slow' | 'error' | 'down') => void },
  ) {
    this.prefix = shared.prefix;
  }

  /** Whether counts are being kept locally right now. */
  get countingLocally(): boolean {
    return !this.deps.redisUp() || this.now() < this.localUntil;
  }

  init(options: Options): void {
    this.local.init(options);
    void Promise.resolve(this.shared.init?.(options)).catch(() => undefined);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (!this.deps.redisUp()) return this.fallBack(key, 'down');
    if (this.now() < this.localUntil) return this.local.increment(key);
    let timer: NodeJS.Timeout | undefined;
    const slow = Symbol('slow');
    try {
      const answer = await Promise.race([
        Promise.resolve(this.shared.increment(key)),
        new Promise<typeof slow>((resolve) => {
          timer = setTimeout(() => resolve(slow), FALLBACK_AFTER_MS);
        }),
      ]);
      if (answer === slow) return this.fallBack(key, 'slow');
      return answer;
    } catch {
      return this.fallBack(key, 'error');
    } finally {
      clearTimeout(timer);
    }
  }

  async decrement(key: string): Promise<void> {
    if (this.countingLocally) return this.local.decrement(key);
    await Promise.resolve(this.shared.decrement(key)).catch(() => undefined);
  }

  async resetKey(key: string): Promise<void> {
    this.local.resetKey(key);
    if (!this.countingLocally) await Promise.resolve(this.shared.resetKey(key)).catch(() => undefined);
  }

  shutdown(): void {
    this.local.shutdown();
  }

  private fallBack(key: string, why: 'slow' | 'error' | 'down'): Promise<ClientRateLimitInfo> {
    if (why !== 'down') this.localUntil = this.now() + LOCAL_FOR_MS;
    this.deps.onFallback?.(why);
    return this.local.increment(key);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
