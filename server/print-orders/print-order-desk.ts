import type { Transaction } from 'kysely';
import type { Database } from '../database/schema';
import { createHash } from 'node:crypto';
import type { PrintSettings } from '../../common/colour/print-settings';
import type { Design } from '../../common/design/design-schema';
import type { FileStore } from '../../common/node/file-store';
import { formatPence } from '../../common/orders/money';
import { addDays, dayInWords, londonDate, MAX_NEEDED_BY_DAYS } from '../../common/orders/needed-by';
import type { OrderEmailResponse, PrintOrderInput } from '../../common/orders/print-order';
import { INVOICE_STATUSES, type PrintOrderStatus } from '../../common/orders/print-order-workflow';
import { pdfKey } from '../../common/queue/names';
import type { PlaceOrderInput } from '../../common/orders/place-order-input';
import type { RunOrderInput } from '../../common/orders/run-order-input';
import type { PrintRunStore, StoredPrintRun } from '../print-runs/print-run-store';
import { combinedHashOf, runIsDone } from '../print-runs/print-run-view';
import { priceOfRun, quantitiesOfRun } from './run-order-price';
import type { Account } from '../accounts/account';
import type { OrganisationStore } from '../accounts/organisation-store';
import type { DesignStore } from '../designs/design-store';
import type { Mailer, MailMessage } from '../email/mailer';
import { AppError } from '../http/app-error';
import type { PrintQueue } from '../print-jobs/print-queue';
import { pdfHashOf, submitPrintJob } from '../print-jobs/submit-print-job';
import { priceFromTable, type PrinterRecord, type PrinterStore } from '../printers/printer-store';
import { designHashOf } from '../sign-off/sign-off-desk';
import type { SignOffStore } from '../sign-off/sign-off-store';
import { imprintNamesPrinter } from './imprint-match';
import { invoiceTypeOf, MAX_INVOICE_BYTES } from './invoice-file';
import type { OnOrderPlaced } from './on-order-placed';
import { IllegalOrderTransitionError, type PrintOrderRecord, type PrintOrderStore } from './print-order-store';

/** How long an agent is asked to wait for the print-ready PDF before placing again, seconds. */
const PDF_RETRY_AFTER_S = 5;

export interface PrintOrderDeskDeps {
  orders: PrintOrderStore;
  printers: PrinterStore;
  designs: DesignStore;
  signOffs: SignOffStore;
  organisations: OrganisationStore;
  queue: PrintQueue;
  store: FileStore;
  mailer: Mailer;
  /** Where people reach Rosette (PUBLIC_URL), without a trailing slash: the printer's PDF link starts with it. */
  publicUrl: string;
  now: () => number;
  print?: PrintSettings;
  /** The spending ledger's hook, inside the placing transaction (on-order-placed.ts). */
  onOrderPlaced: OnOrderPlaced;
  /**
   * Called inside the transaction that cancels an order (the spending ledger reverses a placed order's
   * entry: the spending did not happen); if it throws, the order is not cancelled.
   */
  onOrderCancelled: (order: PrintOrderRecord, actorId: string, tx: Transaction<Database>) => Promise<void>;
  /** Called once an order's invoice is stored, for the spending ledger to list it with the order's entry. */
  onInvoiceAttached: (orgId: string, orderId: string, invoiceKey: string, actorId: string) => Promise<void>;
  /** Print runs, for an order of a whole run; runs cannot be ordered when absent. */
  runs?: PrintRunStore;
}

/** An order with what the screen shows beside it. */
export interface PrintOrderCase {
  order: PrintOrderRecord;
  printer: PrinterRecord;
  title: string;
  format: Design['format']['size'];
  /** A run's order: each version's name (from the run) and copies, in row order; null for an order of one version. */
  versions: Array<{ n: number; label: string; quantity: number }> | null;
}

const STATUS_WORDS: Record<PrintOrderStatus, string> = { draft: 'a draft', placed: 'placed', printed: 'printed', delivered: 'delivered', cancelled: 'cancelled' };

/**
 * Print orders' rules about people and files, on top of the store's table of transitions: any account of
 * the organisation prepares a draft; only its agents (or an admin) place, advance or cancel one and
 * attach the invoice. An order is for a saved version, approved when the organisation requires sign-off,
 * whose imprint names the order's printer; placing emails the printer the print-ready PDF's link.
 */
export class PrintOrderDesk {
  constructor(private readonly deps: PrintOrderDeskDeps) {}

  /** Records a draft; queues the version's print-ready PDF so it is ready by the time the order is placed. */
  async create(actor: Account, input: PrintOrderInput): Promise<PrintOrderCase> {
    this.refuseNeededBy(input.neededBy);
    const saved = await this.deps.designs.getVersion(actor.orgId, input.designId, input.version);
    if (!saved) throw new AppError(404, 'not_found', 'this version of the design was not found', [{ path: 'version', message: 'no saved version of this design has this number' }]);
    const printer = await this.deps.printers.find(actor.orgId, input.printerId);
    if (!printer || printer.removed) throw new AppError(422, 'unknown_printer', 'your organisation has no such printer: add it under Printers first', [{ path: 'printerId', message: "is not one of your organisation's printers" }]);
    await this.refuseUnapproved(actor.orgId, saved.design, input.version);
    refuseOtherPrinter(saved.design, printer);
    const price = this.priceOf(input, printer, saved.design);
    // The print-ready file: the same job a campaigner's print of this version is (copies do not change the PDF).
    // A design that cannot print is refused here; a queue that is slow or down is not a reason to lose the
    // draft: placing queues the PDF again while it is missing.
    await this.queuePdf(actor, saved).catch((err: unknown) => {
      if (err instanceof AppError) throw err;
    });
    const order = await this.deps.orders.create({
      orgId: actor.orgId,
      designId: saved.id,
      version: saved.version,
      designHash: designHashOf(saved.design),
      pdfHash: pdfHashOf(saved.design, this.deps.print),
      printerId: printer.id,
      quantity: input.quantity,
      stock: input.stock,
      deliveryAddress: input.deliveryAddress,
      neededBy: input.neededBy,
      ...price,
      run: null,
      createdBy: actor.id,
    });
    return { order, printer, title: saved.design.title, format: saved.design.format.size, versions: null };
  }

  /**
   * Records a draft order of a whole print run: one order, the run's combined PDF, with each version's
   * copies (a default for all, and any version's own), priced version by version from the printer's
   * table (priceOfRun) or as quoted for the whole. The run must be done, and, when the organisation
   * requires sign-off, its design version approved with its variant table (a run's sign-off): the rule
   * an order of one version follows, for the pair a run prints.
   */
  async createForRun(actor: Account, runId: string, input: RunOrderInput): Promise<PrintOrderCase> {
    this.refuseNeededBy(input.neededBy);
    const run = this.deps.runs ? await this.deps.runs.get(actor.orgId, runId) : null;
    if (!run) throw AppError.notFound('this print run');
    const saved = await this.deps.designs.getVersion(actor.orgId, run.designId, run.designVersion);
    if (!saved) throw AppError.notFound('this print run');
    if (!(await runIsDone(run, this.deps.store))) throw new AppError(409, 'run_not_done', 'a run is ordered once every version has rendered and its combined PDF is ready', [{ path: 'run', message: 'is not done yet' }]);
    const quantities = quantitiesOfRun(input, run.variants.map((v) => v.position));
    const printer = await this.deps.printers.find(actor.orgId, input.printerId);
    if (!printer || printer.removed) throw new AppError(422, 'unknown_printer', 'your organisation has no such printer: add it under Printers first', [{ path: 'printerId', message: "is not one of your organisation's printers" }]);
    await this.refuseUnapprovedRun(actor.orgId, saved.design, run);
    refuseOtherPrinter(saved.design, printer);
    const price = input.price.source === 'quote' ? { pricePence: input.price.pricePence, vatPence: input.price.vatPence, priceSource: 'quote' as const } : { ...priceOfRun(input, quantities, printer, saved.design.format.size), priceSource: 'table' as const };
    const order = await this.deps.orders.create({
      orgId: actor.orgId,
      designId: saved.id,
      version: saved.version,
      designHash: designHashOf(saved.design),
      pdfHash: combinedHashOf(run),
      printerId: printer.id,
      quantity: quantities.reduce((sum, q) => sum + q.quantity, 0),
      run: { runId: run.id, quantities },
      stock: input.stock,
      deliveryAddress: input.deliveryAddress,
      neededBy: input.neededBy,
      ...price,
      createdBy: actor.id,
    });
    return { order, printer, title: saved.design.title, format: saved.design.format.size, versions: versionsOf(order, run) };
  }

  async open(actor: Account, id: string): Promise<PrintOrderCase> {
    const order = await this.deps.orders.find(actor.orgId, id);
    if (!order) throw notFound();
    return this.caseOf(order);
  }

  async list(actor: Account): Promise<PrintOrderCase[]> {
    const orders = await this.deps.orders.list(actor.orgId);
    const out: PrintOrderCase[] = [];
    for (const order of orders) out.push(await this.caseOf(order));
    return out;
  }

  /**
   * Places a draft: checks again what may have changed since it was made (sign-off, the printer), then
   * in one transaction moves it to placed with the printer's email and calls onOrderPlaced; only after
   * that commits are the printer and the agent emailed. An email that cannot be sent leaves the order
   * placed, and is answered with sent: false for the agent to copy.
   */
  async place(actor: Account, id: string, input: PlaceOrderInput): Promise<{ order: PrintOrderCase; emails: OrderEmailResponse[] }> {
    refuseCampaigner(actor, 'place an order');
    const draft = await this.deps.orders.find(actor.orgId, id);
    if (!draft) throw notFound();
    const { printer, title, format, versions } = await this.caseOf(draft);
    if (draft.status === 'draft') {
      const saved = await this.deps.designs.getVersion(actor.orgId, draft.designId, draft.version);
      if (!saved) throw notFound();
      if (draft.run) {
        const run = this.deps.runs ? await this.deps.runs.get(actor.orgId, draft.run.runId) : null;
        if (!run) throw notFound();
        await this.refuseUnapprovedRun(actor.orgId, saved.design, run);
      } else {
        await this.refuseUnapproved(actor.orgId, saved.design, draft.version);
      }
      if (printer.removed) throw new AppError(422, 'unknown_printer', 'this printer was removed from your printers: cancel this order and make a new one', [{ path: 'printerId', message: 'was removed' }]);
      refuseOtherPrinter(saved.design, printer);
      if (!(await this.deps.store.stat(pdfKey(draft.pdfHash)))) {
        // A run's combined PDF is drawn by its run, not queued here: it went missing from the file store.
        if (draft.run) throw new AppError(409, 'run_not_done', "the run's combined PDF is no longer kept: print the run again and order the new run", [{ path: 'run', message: 'has no combined PDF' }]);
        // Queued when the draft was made; asked again in case that job failed or the queue forgot it (same job id: no duplicate).
        await this.queuePdf(actor, saved);
        throw new AppError(409, 'pdf_not_ready', 'the print-ready PDF is still being made: place the order again in a few seconds', [], { 'Retry-After': String(PDF_RETRY_AFTER_S) });
      }
    }
    const organisation = (await this.deps.organisations.find(actor.orgId))?.name ?? '';
    const pdfUrl = this.pdfUrlOf(draft);
    const message = printerMessage({ order: draft, printer, title, organisation, pdfUrl, run: versions && { versions, zipUrl: this.zipUrlOf(draft) } });
    const placed = await this.move(actor, id, 'placed', {
      printerEmail: { to: printer.email, ...message },
      within: (order, tx) => this.deps.onOrderPlaced({ ...order, printer: { id: printer.id, name: printer.name, address: printer.address }, title, placedBy: actor.id, placedAt: order.updatedAt, spending: input.spending }, tx),
    });
    const toPrinter: MailMessage = { to: printer.email, subject: message.subject, text: message.text, replyTo: actor.email };
    const toAgent: MailMessage = { to: actor.email, subject: `Copy: ${message.subject}`, text: `A copy of the order Rosette sent to ${printer.name} <${printer.email}>.\n\n${message.text}` };
    // Side by side: the answer waits for the slower, each bounded by the mailer's timeouts.
    const [printerOutcome, agentOutcome] = await Promise.all([this.deps.mailer.send(toPrinter), this.deps.mailer.send(toAgent)]);
    await this.deps.orders.setPrinterEmailSent(placed.id, printerOutcome.sent);
    const emails: OrderEmailResponse[] = [
      { to: 'printer', address: toPrinter.to, subject: toPrinter.subject, text: toPrinter.text, sent: printerOutcome.sent },
      { to: 'agent', address: null, subject: toAgent.subject, text: toAgent.text, sent: agentOutcome.sent },
    ];
    const order = { ...placed, printerEmail: { to: printer.email, ...message, sent: printerOutcome.sent } };
    return { order: { order, printer, title, format, versions }, emails };
  }

  /** An agent's move after placing: printed, delivered, or cancelled (a draft may be cancelled too). */
  async advance(actor: Account, id: string, to: 'printed' | 'delivered' | 'cancelled'): Promise<PrintOrderCase> {
    refuseCampaigner(actor, to === 'cancelled' ? 'cancel an order' : `mark an order ${to}`);
    const within = to === 'cancelled' ? (order: PrintOrderRecord, tx: Transaction<Database>) => this.deps.onOrderCancelled(order, actor.id, tx) : undefined;
    return this.caseOf(await this.move(actor, id, to, within && { within }));
  }

  /** Keeps the printer's invoice (a PDF, PNG or JPEG, told by its content) with a placed, printed or delivered order. */
  async attachInvoice(actor: Account, id: string, data: Buffer): Promise<PrintOrderCase> {
    refuseCampaigner(actor, 'attach an invoice');
    const order = await this.deps.orders.find(actor.orgId, id);
    if (!order) throw notFound();
    if (!INVOICE_STATUSES.includes(order.status)) throw new AppError(409, 'invoice_not_expected', `this order is ${STATUS_WORDS[order.status]}: an invoice is attached once the order is placed`);
    if (data.length === 0) throw AppError.validation([{ path: 'invoice', message: 'send the invoice file as the request body' }]);
    if (data.length > MAX_INVOICE_BYTES) throw new AppError(413, 'invoice_too_large', `the invoice must be at most ${MAX_INVOICE_BYTES / 1024 / 1024} MB`, [{ path: 'invoice', message: 'is too large' }]);
    const ext = invoiceTypeOf(data);
    if (!ext) throw new AppError(415, 'invoice_type', 'the invoice must be a PDF or a PNG or JPEG image', [{ path: 'invoice', message: 'is not a PDF or a PNG or JPEG image' }]);
    const key = `invoices/${createHash('sha256').update(data).digest('hex')}.${ext}`;
    await this.deps.store.put(key, data);
    if (!(await this.deps.orders.setInvoice(actor.orgId, id, { key, bytes: data.length }, actor.id))) throw notFound();
    await this.deps.onInvoiceAttached(actor.orgId, id, key, actor.id);
    return this.open(actor, id);
  }

  /** The invoice file of an order of the actor's organisation. */
  async invoice(actor: Account, id: string): Promise<{ key: string; data: Buffer }> {
    const order = await this.deps.orders.find(actor.orgId, id);
    const data = order?.invoice ? await this.deps.store.read(order.invoice.key) : null;
    if (!order?.invoice || !data) throw AppError.notFound('an invoice of this order');
    return { key: order.invoice.key, data };
  }

  /** The link the printer is sent: the PDF's download address, which needs no account (its name is its content hash). */
  pdfUrlOf(order: PrintOrderRecord): string {
    return `${this.deps.publicUrl}/downloads/${order.pdfHash}.pdf`;
  }

  /** A run's order: the ZIP of each version's PDF, named as the combined PDF is (no account needed either); null for an order of one version. */
  zipUrlOf(order: PrintOrderRecord): string | null {
    return order.run ? `${this.deps.publicUrl}/downloads/${order.pdfHash}.zip` : null;
  }

  private async move(actor: Account, id: string, to: 'placed' | 'printed' | 'delivered' | 'cancelled', extras?: Parameters<PrintOrderStore['move']>[4]): Promise<PrintOrderRecord> {
    try {
      const moved = await this.deps.orders.move(actor.orgId, id, to, actor.id, extras);
      if (!moved) throw notFound();
      return moved;
    } catch (err) {
      if (err instanceof IllegalOrderTransitionError) throw new AppError(409, 'illegal_transition', `this order is ${STATUS_WORDS[err.from]}: it cannot be ${to === 'placed' ? 'placed' : to === 'cancelled' ? 'cancelled' : `marked ${to}`} now`);
      throw err;
    }
  }

  /** Queues the version's final PDF (the agent ordering it confirms its images and words as they are). */
  private async queuePdf(actor: Account, saved: { id: string; design: Design }): Promise<void> {
    await submitPrintJob({ design: saved.design, copies: 1, designId: saved.id, confirm: { lowResolutionImages: true, unchangedTemplateText: true } }, actor.orgId, this.deps, actor.id);
  }

  private async caseOf(order: PrintOrderRecord): Promise<PrintOrderCase> {
    const printer = await this.deps.printers.find(order.orgId, order.printerId);
    const saved = await this.deps.designs.getVersion(order.orgId, order.designId, order.version);
    if (!printer) throw new Error('a print order has no printer');
    const run = order.run && this.deps.runs ? await this.deps.runs.get(order.orgId, order.run.runId) : null;
    return { order, printer, title: saved?.design.title ?? '', format: saved?.design.format.size ?? 'A5', versions: order.run ? versionsOf(order, run) : null };
  }

  /** Refuses a needed-by day in the past (UK time) or too far ahead, naming the field. */
  private refuseNeededBy(neededBy: string): void {
    const today = londonDate(this.deps.now());
    if (neededBy < today) throw AppError.validation([{ path: 'neededBy', message: `must be today (${today}, UK time) or later` }]);
    if (neededBy > addDays(today, MAX_NEEDED_BY_DAYS)) throw AppError.validation([{ path: 'neededBy', message: `must be within ${MAX_NEEDED_BY_DAYS} days of today` }]);
  }

  /**
   * When the organisation requires sign-off, a run is ordered only if an agent approved its design
   * version together with the variant table it printed: a table changed since (another hash) or another
   * version of the design is not covered, and needs its own run's sign-off.
   */
  private async refuseUnapprovedRun(orgId: string, design: Design, run: StoredPrintRun): Promise<void> {
    if (!(await this.deps.organisations.signOffRequired(orgId))) return;
    if (run.tableHash !== null && (await this.deps.signOffs.isRunApproved(orgId, designHashOf(design), run.tableHash))) return;
    throw new AppError(422, 'sign_off_required', "your organisation requires sign-off before an order, and an agent has not approved this run's version of the design with its variant table", [{ path: 'run', message: 'has not been approved by your agent: send the run for sign-off' }]);
  }

  private async refuseUnapproved(orgId: string, design: Design, version: number): Promise<void> {
    if (!(await this.deps.organisations.signOffRequired(orgId))) return;
    if (await this.deps.signOffs.isApproved(orgId, designHashOf(design))) return;
    throw new AppError(422, 'sign_off_required', 'your organisation requires sign-off before an order, and an agent has not approved this version of the design', [{ path: 'version', message: 'has not been approved by your agent' }]);
  }

  private priceOf(input: PrintOrderInput, printer: PrinterRecord, design: Design): { pricePence: number; vatPence: number; priceSource: 'table' | 'quote' } {
    if (input.price.source === 'quote') return { pricePence: input.price.pricePence, vatPence: input.price.vatPence, priceSource: 'quote' };
    const row = priceFromTable(printer.prices, design.format.size, input.stock, input.quantity);
    if (!row) {
      const offered = printer.prices.filter((p) => p.format === design.format.size).map((p) => `${p.quantity} on ${p.stock}`);
      const message = offered.length > 0 ? `${printer.name}'s price table has no ${design.format.size} row for ${input.quantity} on "${input.stock}" (it has ${offered.join(', ')}): choose one of those, or enter their quote` : `${printer.name}'s price table has no ${design.format.size} prices: enter their quote`;
      throw new AppError(422, 'no_table_price', message, [{ path: 'price', message: 'no row of the price table matches this format, stock and quantity' }]);
    }
    return { pricePence: row.pricePence, vatPence: row.vatPence, priceSource: 'table' };
  }
}

function refuseCampaigner(actor: Account, what: string): void {
  if (actor.role !== 'agent' && actor.role !== 'admin') throw new AppError(403, 'agent_only', `only your organisation's agent can ${what}`);
}

/**
 * The design's imprint must name the order's printer (the law wants the real printer on the material).
 * The imprint is part of the approved version, so it is not rewritten to fit: the agent picks the
 * printer the imprint names, or the design is edited and signed off again.
 */
function refuseOtherPrinter(design: Design, printer: PrinterRecord): void {
  if (imprintNamesPrinter(design.imprint, printer)) return;
  const message = `the design's imprint names the printer "${design.imprint.printer.name}, ${design.imprint.printer.address}", not ${printer.name}: choose that printer, or change the imprint (a new version, which needs sign-off again)`;
  throw new AppError(422, 'imprint_printer_mismatch', message, [{ path: 'printerId', message: "is not the printer the design's imprint names" }]);
}

/** A run order's versions, named as the run names them (by number when the run is no longer found). */
function versionsOf(order: PrintOrderRecord, run: StoredPrintRun | null): Array<{ n: number; label: string; quantity: number }> {
  const labels = new Map(run?.variants.map((v) => [v.position, v.label]) ?? []);
  return (order.run?.quantities ?? []).map((q) => ({ n: q.n, label: labels.get(q.n) ?? `Version ${q.n + 1}`, quantity: q.quantity }));
}

/** The email that places the order with the printer: everything they need, and the PDF's link (a run's: the combined PDF, the ZIP and each version's copies). */
function printerMessage(o: { order: PrintOrderRecord; printer: PrinterRecord; title: string; organisation: string; pdfUrl: string; run: { versions: Array<{ n: number; label: string; quantity: number }>; zipUrl: string | null } | null }): { subject: string; text: string } {
  const { order, run } = o;
  const copies = order.quantity.toLocaleString('en-GB');
  const subject = run
    ? `Print order: ${copies} × ${o.title} in ${run.versions.length} versions (${order.stock}), needed by ${dayInWords(order.neededBy)}`
    : `Print order: ${copies} × ${o.title} (${order.stock}), needed by ${dayInWords(order.neededBy)}`;
  const versionLines = run
    ? [
        '',
        `Versions (${run.versions.length}, in the order of the combined PDF):`,
        ...run.versions.map((v) => `  ${String(v.n + 1).padStart(String(run.versions.length).length, '0')}. ${v.label}: ${v.quantity.toLocaleString('en-GB')}`),
      ]
    : [];
  const files = run
    ? [`Combined print-ready PDF, every version in order (with 3 mm bleed): ${o.pdfUrl}`, ...(run.zipUrl ? [`Each version as its own PDF (ZIP): ${run.zipUrl}`] : [])]
    : [`Print-ready PDF (with 3 mm bleed): ${o.pdfUrl}`];
  const text = [
    `Hello ${o.printer.name},`,
    '',
    `${o.organisation || 'We'} would like to order this print:`,
    '',
    `Design: ${o.title} (version ${order.version}${run ? `, ${run.versions.length} versions` : ''})`,
    `Quantity: ${copies}${run ? ' in all' : ''}`,
    `Stock and finish: ${order.stock}`,
    `Needed by: ${dayInWords(order.neededBy)}`,
    `Deliver to: ${order.deliveryAddress.replace(/\s*\n\s*/g, ', ')}`,
    `Price: ${formatPence(order.pricePence)} including VAT of ${formatPence(order.vatPence)} (${order.priceSource === 'table' ? (run ? "from your price list, each version's quantity priced as its own print" : 'from your price list') : 'as you quoted'})`,
    ...versionLines,
    '',
    ...files,
    '',
    `Our reference: ${order.id}`,
    'Please reply to confirm, and send the invoice to the same address.',
  ].join('\n');
  return { subject, text };
}

const notFound = () => AppError.notFound('this print order');
