import { sql, type Kysely, type Migration } from 'kysely';

/** Accounts may be agents: an organisation's election agent, who signs off designs before they print. */
export const agentRole: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table accounts drop constraint accounts_role_check`.execute(db);
    await sql`alter table accounts add constraint accounts_role_check check (role in ('admin', 'agent', 'campaigner'))`.execute(db);
  },
};
