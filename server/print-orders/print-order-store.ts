import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { PriceSource } from '../../common/orders/print-order';
import { canMoveOrder, PRINT_ORDER_ACTIONS, PRINT_ORDER_STATUSES, type PrintOrderStatus } from '../../common/orders/print-order-workflow';
import { recordAudit } from '../audit/audit-log';
import type { Database, PrintOrdersTable } from '../database/schema';
import { randomId } from '../secrets/random-token';

/** A print order as stored. */
export interface PrintOrderRecord {
  id: string;
  orgId: string;
  designId: string;
  version: number;
  /** contentHash of the version's design document. */
  designHash: string;
  /** sha256 of the print-ready PDF (/downloads/<hash>.pdf): a run's order, the run's combined PDF. */
  pdfHash: string;
  printerId: string;
  /** Copies; a run's order, the total of its versions' quantities. */
  quantity: number;
  /** A whole print run's order: the run, and each of its versions' copies in row order; null for an order of one version. */
  run: { runId: string; quantities: Array<{ n: number; quantity: number }> } | null;
  stock: string;
  deliveryAddress: string;
  /** UK calendar day, YYYY-MM-DD. */
  neededBy: string;
  /** Including VAT, pence. */
  pricePence: number;
  /** VAT within pricePence, pence. */
  vatPence: number;
  priceSource: PriceSource;
  status: PrintOrderStatus;
  createdBy: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** The email to the printer, from placing on; `sent` null while its sending is not known. */
  printerEmail: { to: string; subject: string; text: string; sent: boolean | null } | null;
  invoice: { key: string; bytes: number } | null;
}

export type NewPrintOrder = Omit<PrintOrderRecord, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'printerEmail' | 'invoice'>;

/** One move in an order's trail. */
export interface PrintOrderTransition {
  from: PrintOrderStatus | null;
  to: PrintOrderStatus;
  actorId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** Thrown when a move is not in PRINT_ORDER_TRANSITIONS (read under a lock, so two agents cannot both move an order). */
export class IllegalOrderTransitionError extends Error {
  constructor(
    readonly from: PrintOrderStatus,
    readonly to: PrintOrderStatus,
  ) {
    super(`a ${from} order cannot become ${to}`);
    this.name = 'IllegalOrderTransitionError';
  }
}

/** What else a move writes in its transaction (placing: the printer's email, and the ledger's entry through onOrderPlaced). */
export interface MoveExtras {
  /** Called with the order as it is, under its lock, before the move; throw to refuse it. */
  check?: (order: PrintOrderRecord) => void;
  /** The email to the printer, written with a move to placed. */
  printerEmail?: { to: string; subject: string; text: string };
  /** Called with the moved order inside the move's transaction: what it writes commits or rolls back with the move. */
  within?: (order: PrintOrderRecord, trx: Transaction<Database>) => Promise<void>;
}

const ID = /^[a-f0-9]{32}$/;
const NEEDED_BY = sql<string>`to_char(needed_by, 'YYYY-MM-DD')`.as('needed_by_day');

/**
 * Print orders and their transitions in PostgreSQL (tables `print_orders` and `print_order_transitions`).
 * Every status change, its transition row and its audit entry are written in one transaction under a
 * lock on the order; every read takes the organisation, so another one's order is not found.
 */
export class PrintOrderStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** Records a draft order. */
  async create(input: NewPrintOrder): Promise<PrintOrderRecord> {
    const at = new Date(this.now());
    const order: PrintOrderRecord = { ...input, id: randomId(), status: 'draft', createdAt: at.getTime(), updatedAt: at.getTime(), printerEmail: null, invoice: null };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('print_orders')
        .values({
          id: order.id,
          org_id: order.orgId,
          design_id: order.designId,
          design_version: order.version,
          design_hash: order.designHash,
          pdf_hash: order.pdfHash,
          printer_id: order.printerId,
          quantity: order.quantity,
          stock: order.stock,
          delivery_address: order.deliveryAddress,
          needed_by: order.neededBy,
          price_pence: order.pricePence,
          vat_pence: order.vatPence,
          price_source: order.priceSource,
          status: 'draft',
          created_by: order.createdBy,
          created_at: at,
          updated_at: at,
          printer_email_to: null,
          printer_email_subject: null,
          printer_email_text: null,
          printer_email_sent: null,
          invoice_key: null,
          invoice_bytes: null,
          run_id: order.run?.runId ?? null,
        })
        .execute();
      const quantities = order.run?.quantities ?? [];
      // 2,000 versions are 6,000 parameters, well under PostgreSQL's 65,535.
      if (quantities.length > 0) await trx.insertInto('print_order_versions').values(quantities.map((q) => ({ order_id: order.id, position: q.n, quantity: q.quantity }))).execute();
      await trx.insertInto('print_order_transitions').values({ order_id: order.id, from_status: null, to_status: 'draft', actor_id: order.createdBy, at }).execute();
      await recordAudit(trx, at, 'print-order.created', order.createdBy, order.id, { from: null, to: 'draft' });
    });
    return order;
  }

  async find(orgId: string, id: string): Promise<PrintOrderRecord | null> {
    if (!ID.test(orgId) || !ID.test(id)) return null;
    const row = await this.db.selectFrom('print_orders').selectAll().select(NEEDED_BY).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
    return row ? (await withRuns(this.db, [toRecord(row)]))[0]! : null;
  }

  /** The organisation's orders, newest change first. */
  async list(orgId: string, limit = 500): Promise<PrintOrderRecord[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db.selectFrom('print_orders').selectAll().select(NEEDED_BY).where('org_id', '=', orgId).orderBy('updated_at', 'desc').orderBy('id').limit(limit).execute();
    return withRuns(this.db, rows.map(toRecord));
  }

  /** Moves the order to `to` (PRINT_ORDER_TRANSITIONS), with its trail and audit entry; null when the organisation has no such order. */
  async move(orgId: string, id: string, to: Exclude<PrintOrderStatus, 'draft'>, actorId: string, extras: MoveExtras = {}): Promise<PrintOrderRecord | null> {
    if (!ID.test(orgId) || !ID.test(id)) return null;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('print_orders').selectAll().select(NEEDED_BY).where('id', '=', id).where('org_id', '=', orgId).forUpdate().executeTakeFirst();
      if (!row) return null;
      const [order] = await withRuns(trx, [toRecord(row)]);
      if (!order) return null;
      if (!canMoveOrder(order.status, to)) throw new IllegalOrderTransitionError(order.status, to);
      extras.check?.(order);
      const at = new Date(this.now());
      const email = extras.printerEmail;
      await trx
        .updateTable('print_orders')
        .set({ status: to, updated_at: at, ...(email && { printer_email_to: email.to, printer_email_subject: email.subject, printer_email_text: email.text, printer_email_sent: null }) })
        .where('id', '=', id)
        .execute();
      await trx.insertInto('print_order_transitions').values({ order_id: id, from_status: order.status, to_status: to, actor_id: actorId, at }).execute();
      await recordAudit(trx, at, `print-order.${PRINT_ORDER_ACTIONS[to]}`, actorId, id, { from: order.status, to });
      const moved: PrintOrderRecord = { ...order, status: to, updatedAt: at.getTime(), ...(email && { printerEmail: { ...email, sent: null } }) };
      await extras.within?.(moved, trx);
      return moved;
    });
  }

  /** Notes whether the printer's email was sent. */
  async setPrinterEmailSent(id: string, sent: boolean): Promise<void> {
    await this.db.updateTable('print_orders').set({ printer_email_sent: sent }).where('id', '=', id).execute();
  }

  /** Attaches (or replaces) the invoice; false when the organisation has no such order. */
  async setInvoice(orgId: string, id: string, invoice: { key: string; bytes: number }, actorId: string): Promise<boolean> {
    if (!ID.test(orgId) || !ID.test(id)) return false;
    const at = new Date(this.now());
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('print_orders').set({ invoice_key: invoice.key, invoice_bytes: invoice.bytes, updated_at: at }).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await recordAudit(trx, at, 'print-order.invoice-attached', actorId, id, { bytes: invoice.bytes });
      return true;
    });
  }

  /** The order's transitions, oldest first. */
  async history(id: string): Promise<PrintOrderTransition[]> {
    if (!ID.test(id)) return [];
    const rows = await this.db.selectFrom('print_order_transitions').select(['from_status', 'to_status', 'actor_id', 'at']).where('order_id', '=', id).orderBy('id').execute();
    return rows.map((r) => ({ from: r.from_status === null ? null : status(r.from_status), to: status(r.to_status), actorId: r.actor_id, at: r.at.getTime() }));
  }
}

function status(value: string): PrintOrderStatus {
  if (!(PRINT_ORDER_STATUSES as readonly string[]).includes(value)) throw new Error('a print order has an unknown status');
  return value as PrintOrderStatus;
}

/** Fills in the versions' quantities of the run orders among `orders` (one query for all of them). */
async function withRuns(db: Kysely<Database> | Transaction<Database>, orders: PrintOrderRecord[]): Promise<PrintOrderRecord[]> {
  const ids = orders.filter((o) => o.run).map((o) => o.id);
  if (ids.length === 0) return orders;
  const rows = await db.selectFrom('print_order_versions').select(['order_id', 'position', 'quantity']).where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute();
  const byOrder = new Map<string, Array<{ n: number; quantity: number }>>();
  for (const r of rows) {
    const list = byOrder.get(r.order_id) ?? [];
    list.push({ n: r.position, quantity: r.quantity });
    byOrder.set(r.order_id, list);
  }
  return orders.map((o) => (o.run ? { ...o, run: { runId: o.run.runId, quantities: byOrder.get(o.id) ?? [] } } : o));
}

function toRecord(row: Selectable<PrintOrdersTable> & { needed_by_day: string }): PrintOrderRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    designId: row.design_id,
    version: row.design_version,
    designHash: row.design_hash,
    pdfHash: row.pdf_hash,
    printerId: row.printer_id,
    quantity: row.quantity,
    run: row.run_id === null ? null : { runId: row.run_id, quantities: [] },
    stock: row.stock,
    deliveryAddress: row.delivery_address,
    neededBy: row.needed_by_day,
    pricePence: row.price_pence,
    vatPence: row.vat_pence,
    priceSource: row.price_source === 'quote' ? 'quote' : 'table',
    status: status(row.status),
    createdBy: row.created_by,
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
    printerEmail: row.printer_email_text === null ? null : { to: row.printer_email_to ?? '', subject: row.printer_email_subject ?? '', text: row.printer_email_text, sent: row.printer_email_sent },
    invoice: row.invoice_key === null || row.invoice_bytes === null ? null : { key: row.invoice_key, bytes: row.invoice_bytes },
  };
}
