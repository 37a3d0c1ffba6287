import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Print runs' render jobs found by job: the print history lists a run once, not each of its versions'
 * print jobs (600 for a large council's wards), so every history read asks which jobs belong to a run.
 */
export const printRunVariantJobs: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index print_run_variants_by_job on print_run_variants (job_id)`.execute(db);
  },
};
