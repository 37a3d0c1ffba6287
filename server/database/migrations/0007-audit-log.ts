import { sql, type Kysely, type Migration } from 'kysely';

/** The audit log: append-only, accounts named by id only. */
export const auditLog: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null,
        action text not null,
        actor_id char(32) references accounts (id),
        target_id text
      )`.execute(db);
    await sql`create index audit_log_at on audit_log (at desc, id desc)`.execute(db);
  },
};
