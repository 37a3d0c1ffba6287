import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sign-off requests (one per frozen design version sent to the agent) and their transitions (who moved
 * one from which status to which, when and why): the workflow's own trail, next to the audit log.
 * A version is sent at most once; a design has at most one request waiting at a time.
 */
export const signOff: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table sign_off_requests (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        design_id char(32) not null,
        design_version integer not null,
        -- sha256 of the version's design document (contentHash): what a print job's design is matched against.
        design_hash char(64) not null check (design_hash ~ '^[a-f0-9]{64}$'),
        status text not null check (status in ('pending', 'approved', 'returned', 'superseded')),
        submitted_by char(32) not null references accounts (id),
        -- The proof print job the server queued for the agent (the queue may forget it; the record stays).
        proof_job_id char(32) check (proof_job_id ~ '^[a-f0-9]{32}$'),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        foreign key (design_id, design_version) references design_versions (design_id, version),
        unique (design_id, design_version)
      )`.execute(db);
    await sql`create unique index sign_off_one_pending_per_design on sign_off_requests (design_id) where status = 'pending'`.execute(db);
    await sql`create index sign_off_by_org on sign_off_requests (org_id, status, updated_at desc)`.execute(db);
    await sql`create index sign_off_approved_hash on sign_off_requests (org_id, design_hash) where status = 'approved'`.execute(db);
    await sql`
      create table sign_off_transitions (
        id bigserial primary key,
        request_id char(32) not null references sign_off_requests (id),
        -- Null for the request's creation.
        from_status text check (from_status in ('pending', 'approved', 'returned', 'superseded')),
        to_status text not null check (to_status in ('pending', 'approved', 'returned', 'superseded')),
        actor_id char(32) not null references accounts (id),
        at timestamptz not null,
        -- The agent's comment on a return or approval, the campaigner's note on a submission.
        comment text not null default '' check (length(comment) <= 2000)
      )`.execute(db);
    await sql`create index sign_off_transitions_by_request on sign_off_transitions (request_id, id)`.execute(db);
  },
};
