import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Print orders: a frozen design version, to one of the organisation's printers, with its quantity,
 * stock, delivery address, needed-by day, price (pence incl. VAT, and the VAT) and status
 * (PRINT_ORDER_TRANSITIONS). The email to the printer is kept as sent, or as shown to copy.
 */
export const printOrders: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      create table print_orders (
        id char(32) primary key check (id ~ '^[a-f0-9]{32}$'),
        org_id char(32) not null references organisations (id),
        design_id char(32) not null,
        design_version integer not null,
        -- sha256 of the version's design document (contentHash), as sign_off_requests.design_hash.
        design_hash char(64) not null check (design_hash ~ '^[a-f0-9]{64}$'),
        -- sha256 of the print-ready PDF (its file store name, /downloads/<hash>.pdf).
        pdf_hash char(64) not null check (pdf_hash ~ '^[a-f0-9]{64}$'),
        printer_id char(32) not null references printers (id),
        quantity integer not null check (quantity between 1 and 1000000),
        stock text not null check (length(stock) between 1 and 100),
        delivery_address text not null check (length(delivery_address) between 1 and 500),
        -- A UK (Europe/London) calendar day.
        needed_by date not null,
        price_pence integer not null check (price_pence between 0 and 10000000),
        vat_pence integer not null check (vat_pence >= 0 and vat_pence <= price_pence),
        price_source text not null check (price_source in ('table', 'quote')),
        status text not null check (status in ('draft', 'placed', 'printed', 'delivered', 'cancelled')),
        created_by char(32) not null references accounts (id),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        -- The email to the printer, written when the order is placed; sent false: shown to copy instead.
        printer_email_to text check (length(printer_email_to) <= 254),
        printer_email_subject text,
        printer_email_text text,
        printer_email_sent boolean,
        -- The printer's invoice in the file store (invoices/<sha256>.pdf|png|jpg), once uploaded.
        invoice_key text check (invoice_key ~ '^invoices/[a-f0-9]{64}\\.(pdf|png|jpg)$'),
        invoice_bytes integer check (invoice_bytes > 0),
        foreign key (design_id, design_version) references design_versions (design_id, version),
        constraint placed_has_email check (status in ('draft', 'cancelled') or printer_email_text is not null),
        constraint invoice_whole check ((invoice_key is null) = (invoice_bytes is null))
      )`.execute(db);
    await sql`create index print_orders_by_org on print_orders (org_id, updated_at desc)`.execute(db);
  },
};
