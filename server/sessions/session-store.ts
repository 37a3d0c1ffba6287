import type { Redis } from 'ioredis';
import { accountSessionsKey, sessionKey } from '../../common/queue/names';
import { randomToken, TOKEN_PATTERN } from '../secrets/random-token';
import type { TokenDigester } from '../secrets/token-digester';

/** A signed-in browser. The id itself lives only in the cookie; Redis knows its keyed digest. */
export interface Session {
  digest: string;
  accountId: string;
  /** The synchronizer token that state-changing requests must echo in X-CSRF-Token. */
  csrfToken: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** The latest the session may last, milliseconds since the epoch (idle sessions end sooner). */
  expiresAt: number;
}

export interface SessionLifetimes {
  /** A session ends after this long without a request, milliseconds. */
  idleMs: number;
  /** A session ends this long after sign-in, milliseconds. */
  maxMs: number;
}

/** Sessions in Redis, each a hash that expires when the session goes idle; an index per account ends them all. */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly digester: TokenDigester,
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => number,
  ) {}

  /** A new session with a new random id and CSRF token; answers the signed cookie value too. */
  async create(accountId: string): Promise<{ session: Session; cookieValue: string }> {
    const id = randomToken();
    const now = this.now();
    const session: Session = { digest: this.digester.digest('session', id), accountId, csrfToken: randomToken(), createdAt: now, expiresAt: now + this.lifetimes.maxMs };
    const key = sessionKey(session.digest);
    await this.redis
      .multi()
      .hset(key, { accountId, csrfToken: session.csrfToken, createdAt: String(now), expiresAt: String(session.expiresAt) })
      .pexpire(key, this.lifetimes.idleMs)
      .sadd(accountSessionsKey(accountId), session.digest)
      .pexpire(accountSessionsKey(accountId), this.lifetimes.maxMs)
      .exec();
    return { session, cookieValue: this.digester.sign(id) };
  }

  /**
   * The live session a cookie names, its idle timer restarted; null for a forged, unknown or expired
   * one. A cookie whose signature does not match costs no Redis round trip.
   */
  async find(cookieValue: string): Promise<Session | null> {
    const id = this.digester.unsign(cookieValue);
    if (!id || !TOKEN_PATTERN.test(id)) return null;
    const digest = this.digester.digest('session', id);
    const hash = await this.redis.hgetall(sessionKey(digest));
    if (!hash.accountId || !hash.csrfToken) return null;
    const session: Session = { digest, accountId: hash.accountId, csrfToken: hash.csrfToken, createdAt: Number(hash.createdAt), expiresAt: Number(hash.expiresAt) };
    const left = session.expiresAt - this.now();
    if (!(left > 0)) {
      await this.destroy(session);
      return null;
    }
    await this.redis.pexpire(sessionKey(digest), Math.min(this.lifetimes.idleMs, left));
    return session;
  }

  async destroy(session: Pick<Session, 'digest' | 'accountId'>): Promise<void> {
    await this.redis.multi().del(sessionKey(session.digest)).srem(accountSessionsKey(session.accountId), session.digest).exec();
  }

  /** Ends every session of an account (it was disabled, or its access reset). */
  async destroyAll(accountId: string): Promise<void> {
    const digests = await this.redis.smembers(accountSessionsKey(accountId));
    const multi = this.redis.multi();
    for (const digest of digests) multi.del(sessionKey(digest));
    await multi.del(accountSessionsKey(accountId)).exec();
  }
}
