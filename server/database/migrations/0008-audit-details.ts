import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Audit entries may carry details (a JSON object): the maintenance switch's from, reason, message and
 * expected return, so its trail lives in PostgreSQL rather than in a capped Redis list. Indexed by
 * action, so the console's read of the switch trail does not walk every account change.
 */
export const auditDetails: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table audit_log add column details jsonb constraint details_is_object check (details is null or jsonb_typeof(details) = 'object')`.execute(db);
    await sql`create index audit_log_by_action on audit_log (action, at desc, id desc)`.execute(db);
  },
};
