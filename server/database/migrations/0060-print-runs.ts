import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Print runs (issue 16): every row of a design's variant table rendered as one unit of work. A run
 * and its variants are one record (written together, never changed after): which version of which
 * design, and for each version (a row; two for a bilingual table's row, so up to 2,000) its place,
 * its name (the first field's value, shown on the Versions screen) and the print job that renders it. The queue forgets finished jobs after 30 days; this does not.
 */
export const printRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table print_runs (
        id char(32) primary key,
        org_id char(32) not null references organisations (id),
        design_id char(32) not null references designs (id),
        design_version integer not null check (design_version >= 1),
        variant_count integer not null check (variant_count between 1 and 2000),
        created_by char(32) not null references accounts (id),
        created_at timestamptz not null
      )`.execute(db);
    await sql`create index print_runs_by_design on print_runs (org_id, design_id, created_at desc)`.execute(db);
    await sql`
      create table print_run_variants (
        run_id char(32) not null references print_runs (id),
        position integer not null check (position >= 0 and position < 2000),
        label text not null check (char_length(label) between 1 and 120),
        job_id char(32) not null,
        pdf_hash char(64) not null,
        primary key (run_id, position)
      )`.execute(db);
  },
};
