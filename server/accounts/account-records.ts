import type { Kysely } from 'kysely';
import { AuditLog } from '../audit/audit-log';
import type { Database } from '../database/schema';
import type { TokenDigester } from '../secrets/token-digester';
import { AccountStore } from './account-store';
import { InviteStore } from './invite-store';
import { OrganisationStore } from './organisation-store';

/** The PostgreSQL stores of accounts, organisations, invites and the audit log, on one connection or transaction. */
export interface AccountRecords {
  accounts: AccountStore;
  organisations: OrganisationStore;
  invites: InviteStore;
  audit: AuditLog;
}

/** Runs `work` on the stores inside one transaction: all its writes are committed together, or none is. */
export type AccountTransaction = <T>(work: (records: AccountRecords) => Promise<T>) => Promise<T>;

export interface AccountRecordsDeps {
  digester: TokenDigester;
  /** How long an invite works, milliseconds. */
  inviteTtlMs: number;
  /** Milliseconds since the epoch. */
  now: () => number;
}

/** The stores over `db` (the pool, or a transaction: Kysely's Transaction is a Kysely). */
export function accountRecordsOn(db: Kysely<Database>, deps: AccountRecordsDeps): AccountRecords {
  return {
    accounts: new AccountStore(db, deps.now),
    organisations: new OrganisationStore(db, deps.now),
    invites: new InviteStore(db, deps.digester, deps.inviteTtlMs, deps.now),
    audit: new AuditLog(db, deps.now),
  };
}

/**
 * Transactions over the account stores: Kysely's `db.transaction()` (BEGIN ... COMMIT on one pooled
 * connection; a throw rolls back). Keep slow work (password hashing) outside: a transaction holds a
 * connection of the bounded pool until it ends.
 */
export function accountTransaction(db: Kysely<Database>, deps: AccountRecordsDeps): AccountTransaction {
  return (work) => db.transaction().execute((trx) => work(accountRecordsOn(trx, deps)));
}
