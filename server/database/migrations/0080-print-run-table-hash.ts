import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Which variant table a print run printed (issue 16, one sign-off and one order per run): the table's
 * content hash (contentHash of its kind, fields and rows) as it was when the run started. A sign-off of
 * a run approves the design version and this hash together; runs made before this migration have none,
 * and cannot be signed off or ordered as a run (print them again).
 */
export const printRunTableHash: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table print_runs add column table_hash char(64) constraint print_runs_table_hash check (table_hash ~ '^[a-f0-9]{64}$')`.execute(db);
  },
};
