import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An organisation's printers: who its print orders go to (by email), named as the design's imprint
 * names its printer. A printer with orders is never deleted (the orders keep pointing at it): it is
 * hidden from the list instead (`removed_at`).
 */
export const printers: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table printers (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        name text not null check (length(name) between 1 and 200),
        address text not null check (length(address) between 1 and 500),
        email text not null check (length(email) between 3 and 254),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        removed_at timestamptz
      )`.execute(db);
    await sql`create index printers_by_org on printers (org_id, name) where removed_at is null`.execute(db);
  },
};
