import { sql, type Kysely, type Migration } from 'kysely';

/** Accounts: one per email address, each in an existing organisation, with a known role and status. */
export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table accounts (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        email text not null unique check (length(email) >= 3),
        role text not null check (role in ('admin', 'campaigner')),
        org_id char(32) not null references organisations (id),
        status text not null check (status in ('invited', 'active', 'disabled')),
        password_hash text not null default '',
        invite_digest text not null default '',
        created_at timestamptz not null,
        -- An active account can sign in, so it has a password.
        constraint active_has_password check (status <> 'active' or password_hash <> '')
      )`.execute(db);
    await sql`create index accounts_org_id on accounts (org_id)`.execute(db);
  },
};
