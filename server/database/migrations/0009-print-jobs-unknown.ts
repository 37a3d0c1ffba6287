import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A print record may end `unknown`: the queue no longer holds its job and no event said how it ended
 * (print-record-catch-up.ts), which is what the history can honestly say. Unfinished records get an
 * index of their own: the catch-up reads them every minute on every server.
 */
export const printJobsUnknown: Migration = {
  async up(db: Kysely<unknown>) {
    // The inline check of 0005 got PostgreSQL's default name.
    await sql`alter table print_jobs drop constraint print_jobs_status_check`.execute(db);
    await sql`alter table print_jobs add constraint print_jobs_status_check check (status in ('waiting', 'active', 'done', 'failed', 'unknown'))`.execute(db);
    await sql`create index print_jobs_unfinished on print_jobs (created_at, id) where status in ('waiting', 'active')`.execute(db);
  },
};
