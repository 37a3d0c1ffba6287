import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../common/accounts/roles';
import type { AccountsTable, Database } from '../database/schema';
import { isUniqueViolation } from '../database/sql-errors';
import { randomId } from '../secrets/random-token';
import { storedAccountSchema, type Account, type AccountStatus } from './account';

/** Thrown by create when the email address already has an account. */
export class AccountExistsError extends Error {
  constructor() {
    super('an account with this email address exists');
    this.name = 'AccountExistsError';
  }
}

/** The fields of an account that may change after it is made. */
export type AccountChanges = Partial<Pick<Account, 'status' | 'passwordHash' | 'inviteDigest' | 'role'>>;

const ID = /^[a-f0-9]{32}$/;

/**
 * Accounts in PostgreSQL (table `accounts`). The rules are the table's: one account per address (a
 * unique email), an existing organisation (a foreign key), a known role and status, a password on
 * every active account.
 */
export class AccountStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** Makes an account; the unique address means two requests cannot make two. */
  async create(input: { email: string; role: Role; orgId: string; status: AccountStatus; passwordHash?: string }): Promise<Account> {
    const account: Account = { id: randomId(), email: input.email, role: input.role, orgId: input.orgId, status: input.status, passwordHash: input.passwordHash ?? '', inviteDigest: '', createdAt: this.now() };
    try {
      await this.db
        .insertInto('accounts')
        .values({ id: account.id, email: account.email, role: account.role, org_id: account.orgId, status: account.status, password_hash: account.passwordHash, invite_digest: '', created_at: new Date(account.createdAt) })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err, 'accounts_email_key')) throw new AccountExistsError();
      throw err;
    }
    return account;
  }

  async findById(id: string): Promise<Account | null> {
    if (!ID.test(id)) return null;
    return parseAccount(await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst());
  }

  /** @param email Already normalised (emailSchema). */
  async findByEmail(email: string): Promise<Account | null> {
    return parseAccount(await this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst());
  }

  /** Changes some fields of an existing account; answers the account as it now is, or null if there is none. */
  async update(id: string, changes: AccountChanges): Promise<Account | null> {
    if (!ID.test(id)) return null;
    const set = {
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.inviteDigest !== undefined && { invite_digest: changes.inviteDigest }),
      ...(changes.role !== undefined && { role: changes.role }),
    };
    if (Object.keys(set).length === 0) return this.findById(id);
    return parseAccount(await this.db.updateTable('accounts').set(set).where('id', '=', id).returningAll().executeTakeFirst());
  }

  /** Every account, oldest first (for the admin's accounts page only). */
  /** The accounts of one organisation, oldest first. */
  async inOrganisation(orgId: string): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
    return rows.map(parseAccount).filter((a): a is Account => a !== null);
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(parseAccount).filter((a): a is Account => a !== null);
  }
}

/** A row as an Account, checked again (a bad record is never trusted). */
function parseAccount(row: Selectable<AccountsTable> | undefined): Account | null {
  if (!row) return null;
  const parsed = storedAccountSchema.safeParse({ id: row.id, email: row.email, role: row.role, orgId: row.org_id, status: row.status, passwordHash: row.password_hash, inviteDigest: row.invite_digest, createdAt: row.created_at.getTime() });
  return parsed.success ? parsed.data : null;
}
