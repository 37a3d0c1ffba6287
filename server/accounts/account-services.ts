import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema';
import type { Config } from '../../common/node/config';
import type { AuditLog } from '../audit/audit-log';
import { serverSecretFrom } from '../secrets/server-secret';
import { TokenDigester } from '../secrets/token-digester';
import { SessionCookie } from '../sessions/session-cookie';
import { SessionStore } from '../sessions/session-store';
import { SignInThrottle } from '../sessions/sign-in-throttle';
import { AccountAdmin } from './account-admin';
import { accountRecordsOn, accountTransaction, type AccountTransaction } from './account-records';
import type { AccountStore } from './account-store';
import type { InviteStore } from './invite-store';
import type { OrganisationStore } from './organisation-store';

/**
 * Everything about accounts and sessions, built once per process: accounts, organisations, invites and
 * the audit log in PostgreSQL; sessions and the sign-in throttle in Redis.
 */
export interface AccountServices {
  digester: TokenDigester;
  accounts: AccountStore;
  organisations: OrganisationStore;
  invites: InviteStore;
  sessions: SessionStore;
  cookie: SessionCookie;
  throttle: SignInThrottle;
  audit: AuditLog;
  admin: AccountAdmin;
  /** Runs work on the stores above in one PostgreSQL transaction (rows that must change together). */
  transaction: AccountTransaction;
}

/**
 * Builds the account services. Throws (so the server does not start) when NODE_ENV is production and
 * SESSION_SECRET is missing or weak.
 */
export function createAccountServices(deps: { redis: Redis; db: Kysely<Database>; config: Config; now: () => number }): AccountServices {
  const { redis, db, config, now } = deps;
  const digester = new TokenDigester(serverSecretFrom(config));
  const maxMs = config.SESSION_MAX_HOURS * 3600_000;
  const recordsDeps = { digester, inviteTtlMs: config.INVITE_TTL_HOURS * 3600_000, now };
  const { accounts, organisations, invites, audit } = accountRecordsOn(db, recordsDeps);
  const transaction = accountTransaction(db, recordsDeps);
  const sessions = new SessionStore(redis, digester, { idleMs: config.SESSION_IDLE_MINUTES * 60_000, maxMs }, now);
  return {
    digester,
    accounts,
    organisations,
    invites,
    sessions,
    // Secure everywhere but on a developer's plain-HTTP laptop and in tests.
    cookie: new SessionCookie(config.NODE_ENV === 'production', maxMs),
    throttle: new SignInThrottle(redis, config.SIGN_IN_FREE_FAILURES, now),
    audit,
    admin: new AccountAdmin({ accounts, organisations, invites, sessions, audit, transaction }),
    transaction,
  };
}
