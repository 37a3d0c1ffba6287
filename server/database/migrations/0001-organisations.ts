import { sql, type Kysely, type Migration } from 'kysely';

/** Organisations (local parties): every account, design and print record belongs to one. */
export const organisations: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table organisations (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        name text not null check (length(name) between 1 and 200),
        name_key text not null unique,
        created_at timestamptz not null
      )`.execute(db);
  },
};
