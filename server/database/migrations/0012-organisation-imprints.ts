import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each organisation's own legal imprint (promoter, on behalf of, usual printer), which new designs
 * start from: at most one per organisation, set by one of its accounts or an admin.
 */
export const organisationImprints: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table organisation_imprints (
        org_id char(32) primary key references organisations (id),
        imprint jsonb not null check (jsonb_typeof(imprint) = 'object'),
        updated_by char(32) not null references accounts (id),
        updated_at timestamptz not null
      )`.execute(db);
  },
};
