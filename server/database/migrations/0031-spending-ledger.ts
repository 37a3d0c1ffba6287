import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The spending ledger: entries, each split between the election's candidates, and the invoices
 * attached to them. Append-only, enforced by triggers: a row is never updated or deleted (a correction
 * is a reversal plus, usually, a replacement: new rows pointing at the entry they correct). An entry's
 * parts must add up to its amount, checked when the transaction commits.
 */
export const spendingLedger: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table spending_entries (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        election_id char(32) not null references elections (id),
        -- 'charge': spending recorded (an original entry or a replacement); 'reversal': undoes the entry it corrects.
        kind text not null check (kind in ('charge', 'reversal')),
        corrects_id char(32),
        item text not null check (length(item) between 1 and 300),
        supplier_name text not null check (length(supplier_name) between 1 and 200),
        supplier_address text not null check (length(supplier_address) between 1 and 500),
        -- UK calendar days.
        incurred_on date not null,
        paid_on date,
        -- Pence, GBP, VAT included; VAT as the invoice states it.
        amount_pence bigint not null,
        vat_pence bigint not null,
        -- The print order it records (no foreign key yet: print orders are another migration's).
        print_order_id char(32) check (print_order_id ~ '^[a-f0-9]{32}$'),
        -- Why a reversal was made.
        reason text not null default '' check (length(reason) <= 500),
        recorded_by char(32) not null references accounts (id),
        recorded_at timestamptz not null,
        unique (id, election_id),
        foreign key (corrects_id, election_id) references spending_entries (id, election_id),
        constraint spending_entries_amounts check (
          (kind = 'charge' and amount_pence between 1 and 10000000 and vat_pence between 0 and amount_pence)
          or (kind = 'reversal' and amount_pence between -10000000 and -1 and vat_pence between amount_pence and 0 and corrects_id is not null)
        )
      )`.execute(db);
    // An entry is reversed at most once and replaced at most once; an order is recorded once.
    await sql`create unique index spending_one_reversal on spending_entries (corrects_id) where kind = 'reversal'`.execute(db);
    await sql`create unique index spending_one_replacement on spending_entries (corrects_id) where kind = 'charge'`.execute(db);
    await sql`create unique index spending_one_entry_per_order on spending_entries (print_order_id) where print_order_id is not null and corrects_id is null`.execute(db);
    await sql`create index spending_entries_by_election on spending_entries (org_id, election_id, recorded_at desc)`.execute(db);
    await sql`
      create table spending_entry_parts (
        entry_id char(32) not null,
        election_id char(32) not null,
        candidate_id char(32) not null,
        -- Pence: the candidate's share; negative for a reversal's part.
        amount_pence bigint not null check (amount_pence <> 0),
        primary key (entry_id, candidate_id),
        foreign key (entry_id, election_id) references spending_entries (id, election_id),
        foreign key (candidate_id, election_id) references election_candidates (id, election_id)
      )`.execute(db);
    await sql`create index spending_parts_by_candidate on spending_entry_parts (candidate_id)`.execute(db);
    await sql`
      create table spending_invoices (
        entry_id char(32) primary key references spending_entries (id),
        -- The file store's key: invoices/<sha256>.pdf|png|jpg.
        file_key text not null check (file_key ~ '^invoices/[a-f0-9]{64}\\.(pdf|png|jpg)$'),
        attached_by char(32) not null references accounts (id),
        attached_at timestamptz not null
      )`.execute(db);

    await sql`
      create function spending_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the spending ledger is append-only: % on % refused', tg_op, tg_table_name using errcode = 'restrict_violation';
      end $$`.execute(db);
    for (const table of ['spending_entries', 'spending_entry_parts', 'spending_invoices']) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function spending_append_only()`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function spending_append_only()`.execute(db);
    }

    await sql`
      create function spending_parts_add_up() returns trigger language plpgsql as $$
      declare parts bigint;
      begin
        select coalesce(sum(amount_pence), 0) into parts from spending_entry_parts where entry_id = new.id;
        if parts <> new.amount_pence then
          raise exception 'spending entry %: its parts add up to % pence, not its amount of %', new.id, parts, new.amount_pence using errcode = 'check_violation', constraint = 'spending_parts_add_up';
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create constraint trigger spending_parts_add_up after insert on spending_entries
      deferrable initially deferred for each row execute function spending_parts_add_up()`.execute(db);
  },
};
