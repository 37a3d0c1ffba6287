import type { Redis } from 'ioredis';
import { inviteKey } from '../../../common/queue/names';
import { randomToken, TOKEN_PATTERN } from '../../../server/secrets/random-token';
import type { TokenDigester } from '../../../server/secrets/token-digester';
import type { Account } from '../../../server/accounts/account';

/** A freshly issued invite: the token goes into the link the admin passes on, and is never stored. */
export interface IssuedInvite {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * One-time, expiring invite tokens. Redis holds the keyed digest of each token (expiring with it) and
 * the account remembers its current one, so issuing a new invite makes the old link useless.
 */
export class InviteStore {
  constructor(
    private readonly redis: Redis,
    private readonly digester: TokenDigester,
    /** How long an invite works, milliseconds. */
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** A new invite for the account, replacing (and so revoking) its previous one. */
  async issue(account: Pick<Account, 'id' | 'inviteDigest'>): Promise<IssuedInvite & { digest: string }> {
    const token = randomToken();
    const digest = this.digest(token);
    const multi = this.redis.multi();
    if (account.inviteDigest) multi.del(inviteKey(account.inviteDigest));
    await multi.set(inviteKey(digest), account.id, 'PX', this.ttlMs).exec();
    return { token, digest, expiresAt: this.now() + this.ttlMs };
  }

  /** The account id an unused, unexpired invite is for, without using it up; null otherwise. */
  async peek(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    return this.redis.get(inviteKey(this.digest(token)));
  }

  /** Uses the invite up (atomically: of two requests with one token, one wins). Answers its account id or null. */
  async consume(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    return this.redis.getdel(inviteKey(this.digest(token)));
  }

  /** Makes the account's pending invite useless. */
  async revoke(account: Pick<Account, 'inviteDigest'>): Promise<void> {
    if (account.inviteDigest) await this.redis.del(inviteKey(account.inviteDigest));
  }

  digest(token: string): string {
    return this.digester.digest('invite', token);
  }
}
