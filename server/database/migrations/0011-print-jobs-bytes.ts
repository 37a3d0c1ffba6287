import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The size of a print record's PDF, for the print history ("2 pages, 310 KB"); null for records
 * written before it was kept, and until the job is done.
 */
export const printJobsBytes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table print_jobs add column bytes integer check (bytes >= 1)`.execute(db);
  },
};
