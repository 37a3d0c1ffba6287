import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A variant table's kind (issue 16, bilingual pairs): plain, a version per row, or bilingual, an English
 * and a Welsh version per row. Tables saved before it are plain, which the default makes them.
 */
export const variantTableKind: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table variant_tables
        add column kind text not null default 'plain' constraint variant_tables_kind check (kind in ('plain', 'bilingual'))`.execute(db);
  },
};
