import { sql, type Kysely, type Migration } from 'kysely';

/** Every move of a print order (who, when, from which status to which): the workflow's own trail, next to the audit log. */
export const printOrderTransitions: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table print_order_transitions (
        id bigserial primary key,
        order_id char(32) not null references print_orders (id),
        -- Null for the order's creation.
        from_status text check (from_status in ('draft', 'placed', 'printed', 'delivered', 'cancelled')),
        to_status text not null check (to_status in ('draft', 'placed', 'printed', 'delivered', 'cancelled')),
        actor_id char(32) not null references accounts (id),
        at timestamptz not null
      )`.execute(db);
    await sql`create index print_order_transitions_by_order on print_order_transitions (order_id, id)`.execute(db);
  },
};
