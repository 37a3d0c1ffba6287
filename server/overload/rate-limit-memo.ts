/** Most entries kept; when full, the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * Which clients are over a rate limit, until when: the limiter (in Express, counted in Redis) writes
 * here when it answers 429, and the gate answers the same client's next requests itself until the
 * window resets, with no Express and no Redis round trip. A flood from one address then costs a map
 * look-up per request. The limit itself stays the shared one in Redis.
 */
export class RateLimitMemo {
  private readonly until = new Map<string, number>();

  get size(): number {
    return this.until.size;
  }

  /** @param untilMs When the client's window resets, milliseconds since the epoch. */
  block(budget: string, clientKey: string, untilMs: number): void {
    const key = `${budget}|${clientKey}`;
    this.until.delete(key);
    if (this.until.size >= MAX_ENTRIES) this.until.delete(this.until.keys().next().value!);
    this.until.set(key, untilMs);
  }

  /** When the client may come back (milliseconds since the epoch), or 0 when it is not blocked. */
  blockedUntil(budget: string, clientKey: string, now: number): number {
    const key = `${budget}|${clientKey}`;
    const until = this.until.get(key);
    if (until === undefined) return 0;
    if (until > now) return until;
    this.until.delete(key);
    return 0;
  }

  /** Forgets windows that have ended. */
  sweep(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }

  /** Forgets everything (the limits changed, e.g. the ladder left busy). */
  clear(): void {
    this.until.clear();
  }
}
