import type { Redis } from 'ioredis';
import { signInFailuresKey } from '../../common/queue/names';
import { indexDigest } from '../secrets/token-digester';

/** Longest wait between attempts on one account, milliseconds. */
export const MAX_SIGN_IN_DELAY_MS = 15 * 60 * 1000;
/** Failures are forgotten this long after the last one, milliseconds. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Per-account brute-force protection: after `freeFailures` wrong passwords for one email address,
 * each further attempt must wait 1 s, then 2 s, 4 s ... up to 15 minutes. It is keyed by the address
 * whether or not it has an account, so it behaves the same either way and tells an attacker nothing.
 * A success clears it.
 */
export class SignInThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly freeFailures: number,
    private readonly now: () => number,
  ) {}

  /** How long the next attempt for this address must wait, milliseconds (0: it may try now). */
  async waitMs(email: string): Promise<number> {
    const until = Number(await this.redis.hget(signInFailuresKey(indexDigest(email)), 'until'));
    return Number.isFinite(until) ? Math.max(0, until - this.now()) : 0;
  }

  /** Counts a failure; answers the wait it imposes on the next attempt, milliseconds. */
  async recordFailure(email: string): Promise<number> {
    const key = signInFailuresKey(indexDigest(email));
    const failures = await this.redis.hincrby(key, 'failures', 1);
    const over = failures - this.freeFailures;
    const delay = over > 0 ? Math.min(MAX_SIGN_IN_DELAY_MS, 1000 * 2 ** Math.min(over - 1, 20)) : 0;
    await this.redis.multi().hset(key, 'until', String(this.now() + delay)).pexpire(key, FORGET_AFTER_MS).exec();
    return delay;
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(signInFailuresKey(indexDigest(email)));
  }
}
