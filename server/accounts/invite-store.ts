import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import { randomToken, TOKEN_PATTERN } from '../secrets/random-token';
import type { TokenDigester } from '../secrets/token-digester';
import type { Account } from './account';

/** A freshly issued invite: the token goes into the link the admin passes on, and is never stored. */
export interface IssuedInvite {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * One-time, expiring invite tokens in PostgreSQL (table `invites`): the keyed digest of each token,
 * its account and expiry. An account has one pending invite at most (a unique key), so issuing a new
 * one replaces, and so revokes, the old link.
 */
export class InviteStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly digester: TokenDigester,
    /** How long an invite works, milliseconds. */
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** A new invite for the account, replacing (and so revoking) its previous one. */
  async issue(account: Pick<Account, 'id' | 'inviteDigest'>): Promise<IssuedInvite & { digest: string }> {
    const token = randomToken();
    const digest = this.digest(token);
    const expiresAt = this.now() + this.ttlMs;
    await this.db
      .insertInto('invites')
      .values({ digest, account_id: account.id, expires_at: new Date(expiresAt) })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ digest, expires_at: new Date(expiresAt) }))
      .execute();
    return { token, digest, expiresAt };
  }

  /** The account id an unused, unexpired invite is for, without using it up; null otherwise. */
  async peek(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const row = await this.db.selectFrom('invites').select('account_id').where('digest', '=', this.digest(token)).where('expires_at', '>', new Date(this.now())).executeTakeFirst();
    return row?.account_id ?? null;
  }

  /** Uses the invite up (one DELETE: of two requests with one token, one wins). Answers its account id or null. */
  async consume(token: string): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const row = await this.db.deleteFrom('invites').where('digest', '=', this.digest(token)).where('expires_at', '>', new Date(this.now())).returning('account_id').executeTakeFirst();
    return row?.account_id ?? null;
  }

  /** Makes the account's pending invite useless. */
  async revoke(account: Pick<Account, 'inviteDigest'>): Promise<void> {
    if (account.inviteDigest) await this.db.deleteFrom('invites').where('digest', '=', account.inviteDigest).execute();
  }

  digest(token: string): string {
    return this.digester.digest('invite', token);
  }
}
