import { sql, type Kysely, type Migration } from 'kysely';

/** Whether an organisation requires its agent's sign-off before a print is shared (off until an agent or admin turns it on). */
export const signOffSetting: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table organisations add column sign_off_required boolean not null default false`.execute(db);
  },
};
