import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A printer's price table: what a quantity of a format on a stock costs, in pence including VAT, with
 * the VAT within it as the printer quotes it (stored, never recomputed). Replaced as a whole when the
 * printer is edited; an order copies the price it used, so editing the table never changes an order.
 */
export const printerPrices: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table printer_prices (
        printer_id char(32) not null references printers (id),
        format text not null check (format in ('A6', 'A5', 'A4', 'A3', 'DL')),
        stock text not null check (length(stock) between 1 and 100),
        quantity integer not null check (quantity between 1 and 1000000),
        price_pence integer not null check (price_pence between 0 and 10000000),
        vat_pence integer not null check (vat_pence >= 0 and vat_pence <= price_pence),
        primary key (printer_id, format, stock, quantity)
      )`.execute(db);
  },
};
