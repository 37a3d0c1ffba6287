import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Print records found by their PDF: a download's file name is the title of the design it was drawn
 * from (PrintRecordStore.titleOfPdf), asked for on every download that misses the browser's cache.
 */
export const printJobsByPdf: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index print_jobs_by_pdf on print_jobs (pdf_hash) where pdf_hash is not null`.execute(db);
  },
};
