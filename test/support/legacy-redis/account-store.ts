import type { Redis } from 'ioredis';
import type { Role } from '../../../common/accounts/roles';
import { ACCOUNTS_KEY, accountByEmailKey, accountKey } from '../../../common/queue/names';
import { randomId } from '../../../server/secrets/random-token';
import { indexDigest } from '../../../server/secrets/token-digester';
import { storedAccountSchema, type Account, type AccountStatus } from '../../../server/accounts/account';

/** Thrown by create when the email address already has an account. */
export class AccountExistsError extends Error {
  constructor() {
    super('an account with this email address exists');
    this.name = 'AccountExistsError';
  }
}

/** The fields of an account that may change after it is made. */
export type AccountChanges = Partial<Pick<Account, 'status' | 'passwordHash' | 'inviteDigest' | 'role'>>;

/** Accounts in Redis: a hash per account, an index by (the digest of) the email address, a set of all. */
export class AccountStore {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number,
  ) {}

  /** Makes an account; the email index is claimed first (SET NX), so two requests cannot make two. */
  async create(input: { email: string; role: Role; orgId: string; status: AccountStatus; passwordHash?: string }): Promise<Account> {
    const account: Account = { id: randomId(), email: input.email, role: input.role, orgId: input.orgId, status: input.status, passwordHash: input.passwordHash ?? '', inviteDigest: '', createdAt: this.now() };
    const claimed = await this.redis.set(accountByEmailKey(indexDigest(input.email)), account.id, 'NX');
    if (claimed !== 'OK') throw new AccountExistsError();
    await this.redis.multi().hset(accountKey(account.id), toHash(account)).sadd(ACCOUNTS_KEY, account.id).exec();
    return account;
  }

  async findById(id: string): Promise<Account | null> {
    if (!/^[a-f0-9]{32}$/.test(id)) return null;
    return parseAccount(await this.redis.hgetall(accountKey(id)));
  }

  /** @param email Already normalised (emailSchema). */
  async findByEmail(email: string): Promise<Account | null> {
    const id = await this.redis.get(accountByEmailKey(indexDigest(email)));
    return id ? this.findById(id) : null;
  }

  /** Changes some fields of an existing account; answers the account as it now is, or null if there is none. */
  async update(id: string, changes: AccountChanges): Promise<Account | null> {
    const existing = await this.findById(id);
    if (!existing) return null;
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    if (Object.keys(fields).length > 0) await this.redis.hset(accountKey(id), fields);
    return { ...existing, ...changes };
  }

  /** Every account, oldest first (for the admin's accounts page only). */
  async list(): Promise<Account[]> {
    const ids = await this.redis.smembers(ACCOUNTS_KEY);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(accountKey(id));
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([err, value]) => (err ? null : parseAccount(value as Record<string, string>)))
      .filter((a): a is Account => a !== null)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }
}

function toHash(account: Account): Record<string, string> {
  return Object.fromEntries(Object.entries(account).map(([k, v]) => [k, String(v)]));
}

function parseAccount(hash: Record<string, string>): Account | null {
  if (Object.keys(hash).length === 0) return null;
  const parsed = storedAccountSchema.safeParse(hash);
  return parsed.success ? parsed.data : null;
}
