import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Print records: who sent which design version, when, and how it ended, mirrored from the queue's
 * events so an organisation's print history outlives the queue's clean-up.
 */
export const printJobs: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table print_jobs (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        account_id char(32) references accounts (id),
        design_id char(32),
        design_version integer,
        title text not null,
        status text not null check (status in ('waiting', 'active', 'done', 'failed')),
        pages integer check (pages >= 1),
        pdf_hash text check (pdf_hash ~ '^[a-f0-9]{64}$'),
        created_at timestamptz not null,
        finished_at timestamptz,
        foreign key (design_id, design_version) references design_versions (design_id, version),
        constraint done_has_pdf check (status <> 'done' or (pdf_hash is not null and pages is not null))
      )`.execute(db);
    await sql`create index print_jobs_by_org on print_jobs (org_id, created_at desc)`.execute(db);
  },
};
