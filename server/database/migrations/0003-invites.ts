import { sql, type Kysely, type Migration } from 'kysely';

/** Pending invites: the digest of each token, one per account at most (a new one replaces the old). */
export const invites: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table invites (
        digest text primary key,
        account_id char(32) not null unique references accounts (id) on delete cascade,
        expires_at timestamptz not null
      )`.execute(db);
  },
};
