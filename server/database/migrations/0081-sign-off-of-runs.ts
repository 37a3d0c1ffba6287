import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sign-off of a print run (issue 16): a request may approve a design version together with a variant
 * table (its content hash), the run it was sent from being the agent's proof. A version is sent at most
 * once alone (as before); a version with a table has at most one request that is not superseded (a table
 * changed back to one whose request was superseded is sent again); a design has at most one request
 * waiting of each kind.
 */
export const signOffOfRuns: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      alter table sign_off_requests
        add column table_hash char(64) check (table_hash ~ '^[a-f0-9]{64}$'),
        add column run_id char(32) references print_runs (id),
        add constraint sign_off_run_whole check ((table_hash is null) = (run_id is null))`.execute(db);
    await sql`alter table sign_off_requests drop constraint sign_off_requests_design_id_design_version_key`.execute(db);
    await sql`create unique index sign_off_requests_version_key on sign_off_requests (design_id, design_version) where table_hash is null`.execute(db);
    await sql`create unique index sign_off_requests_run_key on sign_off_requests (design_id, design_version, table_hash) where table_hash is not null and status <> 'superseded'`.execute(db);
    await sql`drop index sign_off_one_pending_per_design`.execute(db);
    await sql`create unique index sign_off_one_pending_per_design on sign_off_requests (design_id, (table_hash is null)) where status = 'pending'`.execute(db);
    await sql`create index sign_off_approved_run on sign_off_requests (org_id, design_hash, table_hash) where status = 'approved' and table_hash is not null`.execute(db);
  },
};
