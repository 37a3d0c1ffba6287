import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A saved design's variant table (issue 16): the fields it marks and a row of values per version to
 * print. One table per design, replaced as a whole when saved; its rows are bounded as the API bounds them.
 */
export const variantTables: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table variant_tables (
        design_id char(32) primary key references designs (id),
        org_id char(32) not null references organisations (id),
        fields jsonb not null check (jsonb_typeof(fields) = 'array' and jsonb_array_length(fields) between 1 and 20),
        rows jsonb not null check (jsonb_typeof(rows) = 'array' and jsonb_array_length(rows) between 1 and 1000),
        updated_by char(32) not null references accounts (id),
        updated_at timestamptz not null
      )`.execute(db);
  },
};
