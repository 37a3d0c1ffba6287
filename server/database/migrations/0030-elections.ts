import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An organisation's elections and their candidates, each candidate with the spending limit its agent
 * set for that election (pence; null until set). The limit is the one column that changes (audited);
 * the spending itself is in the append-only ledger (0031).
 */
export const elections: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table elections (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        name text not null check (length(name) between 1 and 200),
        -- A UK calendar day.
        polling_day date not null,
        kind text not null default '' check (length(kind) <= 100),
        created_by char(32) not null references accounts (id),
        created_at timestamptz not null
      )`.execute(db);
    await sql`create index elections_by_org on elections (org_id, polling_day desc)`.execute(db);
    await sql`
      create table election_candidates (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        election_id char(32) not null references elections (id),
        name text not null check (length(name) between 1 and 200),
        -- Pence, GBP.
        spending_limit_pence bigint check (spending_limit_pence > 0 and spending_limit_pence <= 100000000),
        created_by char(32) not null references accounts (id),
        created_at timestamptz not null,
        -- What a ledger part's foreign key names, so a part's candidate is of the entry's election.
        unique (id, election_id)
      )`.execute(db);
    await sql`create index election_candidates_by_election on election_candidates (election_id, created_at)`.execute(db);
  },
};
