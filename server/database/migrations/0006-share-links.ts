import { sql, type Kysely, type Migration } from 'kysely';

/** Share links of finished print jobs, with a lifecycle of their own: made, expiring or withdrawn, kept. */
export const shareLinks: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table share_links (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        token_digest char(64) not null unique,
        job_id char(32) not null references print_jobs (id),
        org_id char(32) not null references organisations (id),
        pdf_hash char(64) not null,
        title text not null,
        pages integer not null check (pages >= 1),
        bytes integer not null check (bytes >= 1),
        front text not null,
        created_by char(32) references accounts (id),
        created_at timestamptz not null,
        expires_at timestamptz,
        withdrawn_at timestamptz,
        changed_at timestamptz not null default clock_timestamp()
      )`.execute(db);
    await sql`create index share_links_by_job on share_links (job_id) where withdrawn_at is null`.execute(db);
    await sql`create index share_links_by_org on share_links (org_id) where withdrawn_at is null`.execute(db);
    await sql`create index share_links_changed on share_links (changed_at)`.execute(db);
  },
};
