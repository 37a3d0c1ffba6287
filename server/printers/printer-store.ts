import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PaperSize } from '../../common/design/paper-formats';
import { MAX_PRINTERS, type PriceRow, type PrinterInput } from '../../common/orders/printer';
import { recordAudit } from '../audit/audit-log';
import type { Database, PrintersTable } from '../database/schema';
import { randomId } from '../secrets/random-token';

/** A printer as stored, with its price table. */
export interface PrinterRecord extends PrinterInput {
  id: string;
  orgId: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** Whether it was removed from the organisation's list (its orders keep it). */
  removed: boolean;
}

/** Thrown when an organisation already keeps MAX_PRINTERS printers. */
export class TooManyPrintersError extends Error {
  constructor() {
    super(`an organisation keeps at most ${MAX_PRINTERS} printers`);
    this.name = 'TooManyPrintersError';
  }
}

const ID = /^[a-f0-9]{32}$/;

/**
 * An organisation's printers and their price tables in PostgreSQL (tables `printers` and
 * `printer_prices`). A printer and its table change together in one transaction, with the audit entry;
 * every read takes the organisation, so another one's printer is not found.
 */
export class PrinterStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** The organisation's printers (not removed), by name. */
  async list(orgId: string): Promise<PrinterRecord[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db.selectFrom('printers').selectAll().where('org_id', '=', orgId).where('removed_at', 'is', null).orderBy('name').orderBy('id').execute();
    const prices = await this.pricesOf(rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, prices.get(r.id) ?? []));
  }

  /** One printer of the organisation, removed ones too (an order's printer); null when it has none such. */
  async find(orgId: string, id: string): Promise<PrinterRecord | null> {
    if (!ID.test(orgId) || !ID.test(id)) return null;
    const row = await this.db.selectFrom('printers').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return toRecord(row, (await this.pricesOf([id])).get(id) ?? []);
  }

  async create(orgId: string, input: PrinterInput, actorId: string): Promise<PrinterRecord> {
    const at = new Date(this.now());
    const id = randomId();
    await this.db.transaction().execute(async (trx) => {
      // Serialises additions per organisation, so the limit holds under concurrent requests.
      await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().executeTakeFirst();
      const { count } = await trx.selectFrom('printers').select((eb) => eb.fn.countAll<string>().as('count')).where('org_id', '=', orgId).where('removed_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(count) >= MAX_PRINTERS) throw new TooManyPrintersError();
      await trx.insertInto('printers').values({ id, org_id: orgId, name: input.name, address: input.address, email: input.email, created_at: at, updated_at: at, removed_at: null }).execute();
      await this.writePrices(trx, id, input.prices);
      await recordAudit(trx, at, 'printer.added', actorId, id);
    });
    return { ...input, id, orgId, updatedAt: at.getTime(), removed: false };
  }

  /** Replaces the printer's details and its whole price table; false when the organisation has no such printer. */
  async update(orgId: string, id: string, input: PrinterInput, actorId: string): Promise<PrinterRecord | null> {
    if (!ID.test(orgId) || !ID.test(id)) return null;
    const at = new Date(this.now());
    const done = await this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('printers')
        .set({ name: input.name, address: input.address, email: input.email, updated_at: at })
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await trx.deleteFrom('printer_prices').where('printer_id', '=', id).execute();
      await this.writePrices(trx, id, input.prices);
      await recordAudit(trx, at, 'printer.changed', actorId, id);
      return true;
    });
    return done ? { ...input, id, orgId, updatedAt: at.getTime(), removed: false } : null;
  }

  /** Takes the printer off the organisation's list (its orders keep it); false when there is no such printer. */
  async remove(orgId: string, id: string, actorId: string): Promise<boolean> {
    if (!ID.test(orgId) || !ID.test(id)) return false;
    const at = new Date(this.now());
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('printers').set({ removed_at: at, updated_at: at }).where('id', '=', id).where('org_id', '=', orgId).where('removed_at', 'is', null).executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await recordAudit(trx, at, 'printer.removed', actorId, id);
      return true;
    });
  }

  private async writePrices(trx: Kysely<Database> | Transaction<Database>, printerId: string, prices: readonly PriceRow[]): Promise<void> {
    if (prices.length === 0) return;
    await trx
      .insertInto('printer_prices')
      .values(prices.map((p) => ({ printer_id: printerId, format: p.format, stock: p.stock, quantity: p.quantity, price_pence: p.pricePence, vat_pence: p.vatPence })))
      .execute();
  }

  private async pricesOf(ids: readonly string[]): Promise<Map<string, PriceRow[]>> {
    const out = new Map<string, PriceRow[]>();
    if (ids.length === 0) return out;
    const rows = await this.db.selectFrom('printer_prices').selectAll().where('printer_id', 'in', [...ids]).orderBy('format').orderBy('stock').orderBy('quantity').execute();
    for (const r of rows) {
      const list = out.get(r.printer_id) ?? [];
      list.push({ format: r.format as PaperSize, stock: r.stock, quantity: r.quantity, pricePence: r.price_pence, vatPence: r.vat_pence });
      out.set(r.printer_id, list);
    }
    return out;
  }
}

function toRecord(row: Selectable<PrintersTable>, prices: PriceRow[]): PrinterRecord {
  return { id: row.id, orgId: row.org_id, name: row.name, address: row.address, email: row.email, prices, updatedAt: row.updated_at.getTime(), removed: row.removed_at !== null };
}

/** The price table's row for exactly this format, stock (case aside) and quantity, or undefined. */
export function priceFromTable(prices: readonly PriceRow[], format: PaperSize, stock: string, quantity: number): PriceRow | undefined {
  return prices.find((p) => p.format === format && p.stock.toLowerCase() === stock.trim().toLowerCase() && p.quantity === quantity);
}
