import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A ledger entry of a print order names an order that exists (the two tables were made apart, 0022 and
 * 0031; the print-order code records the entry in the same transaction as the placing).
 */
export const spendingOrderLink: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table spending_entries add constraint spending_entries_print_order foreign key (print_order_id) references print_orders (id)`.execute(db);
  },
};
