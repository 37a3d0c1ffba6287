import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One print order for a whole print run (issue 16): the order names its run, and keeps a quantity for
 * each of the run's versions (by its place in the run); the order's own quantity is their total, and its
 * PDF the run's combined PDF. Written with the order, never changed after.
 */
export const runOrders: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table print_orders add column run_id char(32) references print_runs (id)`.execute(db);
    await sql`
      create table print_order_versions (
        order_id char(32) not null references print_orders (id),
        -- The version's place in the run (print_run_variants.position).
        position integer not null check (position >= 0 and position < 2000),
        quantity integer not null check (quantity between 1 and 1000000),
        primary key (order_id, position)
      )`.execute(db);
  },
};
