import { sql, type Kysely, type Transaction } from 'kysely';
import { INVOICE_THRESHOLD_PENCE } from '../../common/spending/money';
import { resolveSplit, type SplitInput, type SplitPart } from '../../common/spending/resolve-split';
import { replacementSchema, type CandidateInput, type CorrectionInput, type ElectionInput, type EntryInput, type ReplacementInput } from '../../common/spending/spending-schemas';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../database/schema';
import { isUniqueViolation } from '../database/sql-errors';
import { AppError } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import { randomId } from '../secrets/random-token';
import { checkEntryDates } from './entry-rules';

const ID = /^[a-f0-9]{32}$/;

export interface ElectionRecord {
  id: string;
  orgId: string;
  name: string;
  /** A UK date, 'YYYY-MM-DD'. */
  pollingDay: string;
  kind: string;
  candidates: CandidateRecord[];
}

export interface CandidateRecord {
  id: string;
  electionId: string;
  name: string;
  /** Pence; null when none is set. */
  limitPence: number | null;
}

/** An entry as stored, with its parts and invoice. */
export interface EntryRecord {
  id: string;
  electionId: string;
  kind: 'charge' | 'reversal';
  correctsId: string | null;
  item: string;
  supplierName: string;
  supplierAddress: string;
  /** UK dates, 'YYYY-MM-DD'. */
  incurredOn: string;
  paidOn: string | null;
  /** Pence, VAT included; negative for a reversal. */
  amountPence: number;
  vatPence: number;
  printOrderId: string | null;
  reason: string;
  recordedBy: string;
  recordedByRole: string;
  /** Milliseconds since the epoch. */
  recordedAt: number;
  parts: Array<SplitPart & { candidateName: string }>;
  /** The file store's key of its invoice, or null. */
  invoiceKey: string | null;
}

/** What the print-order code gives recordOrder when an order is placed. */
export interface OrderSpending {
  orgId: string;
  /** The order's id (spending_entries.print_order_id): one original entry per order. */
  printOrderId: string;
  /** The account placing the order. */
  accountId: string;
  electionId: string;
  /** What was ordered ("2,000 A5 leaflets, 'Bus routes'"). */
  item: string;
  supplierName: string;
  supplierAddress: string;
  /** The day the order was placed, a UK date 'YYYY-MM-DD'. */
  incurredOn: string;
  /** Pence, VAT included. */
  amountPence: number;
  /** Pence, as the price table or quote states it. */
  vatPence: number;
  split: SplitInput;
}

/** Sums of parts per candidate and day (the day spending was incurred), pence: totals and the chart come from these. */
export interface DailyPart {
  candidateId: string;
  day: string;
  pence: number;
}

type Executor = Kysely<Database> | Transaction<Database>;

const num = (value: string | number): number => Number(value);

/**
 * Elections, candidates and the append-only spending ledger in PostgreSQL (tables `elections`,
 * `election_candidates`, `spending_entries`, `spending_entry_parts`, `spending_invoices`). Every read
 * and write takes the organisation, so another one's records are not found. An entry, its parts, its
 * invoice and its audit entry are written in one transaction; nothing here updates or deletes a
 * ledger row (the database refuses it too).
 */
export class SpendingStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  async createElection(orgId: string, input: ElectionInput, actorId: string): Promise<ElectionRecord> {
    const at = new Date(this.now());
    const election = { id: randomId(), org_id: orgId, name: input.name, polling_day: input.pollingDay, kind: input.kind, created_by: actorId, created_at: at };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('elections').values(election).execute();
      await recordAudit(trx, at, 'election.created', actorId, election.id);
    });
    return { id: election.id, orgId, name: input.name, pollingDay: input.pollingDay, kind: input.kind, candidates: [] };
  }

  /** The organisation's elections with their candidates, newest polling day first. */
  async elections(orgId: string): Promise<ElectionRecord[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db
      .selectFrom('elections')
      .select(['id', 'org_id', 'name', 'kind', sql<string>`polling_day::text`.as('polling_day')])
      .where('org_id', '=', orgId)
      .orderBy('polling_day', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    if (rows.length === 0) return [];
    const candidates = await this.db
      .selectFrom('election_candidates')
      .select(['id', 'election_id', 'name', 'spending_limit_pence'])
      .where(
        'election_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      name: r.name,
      pollingDay: r.polling_day,
      kind: r.kind,
      candidates: candidates.filter((c) => c.election_id === r.id).map((c) => ({ id: c.id, electionId: c.election_id, name: c.name, limitPence: c.spending_limit_pence === null ? null : num(c.spending_limit_pence) })),
    }));
  }

  async findElection(orgId: string, electionId: string): Promise<ElectionRecord | null> {
    if (!ID.test(electionId)) return null;
    return (await this.elections(orgId)).find((e) => e.id === electionId) ?? null;
  }

  /** Adds a candidate to one of the organisation's elections; null when it has no such election. */
  async addCandidate(orgId: string, electionId: string, input: CandidateInput, actorId: string): Promise<CandidateRecord | null> {
    if (!ID.test(electionId) || !ID.test(orgId)) return null;
    const at = new Date(this.now());
    return this.db.transaction().execute(async (trx) => {
      const election = await trx.selectFrom('elections').select('id').where('id', '=', electionId).where('org_id', '=', orgId).executeTakeFirst();
      if (!election) return null;
      const candidate: CandidateRecord = { id: randomId(), electionId, name: input.name, limitPence: input.limitPence };
      await trx.insertInto('election_candidates').values({ id: candidate.id, election_id: electionId, name: input.name, spending_limit_pence: input.limitPence, created_by: actorId, created_at: at }).execute();
      await recordAudit(trx, at, 'election.candidate-added', actorId, candidate.id, { election: electionId });
      if (input.limitPence !== null) await recordAudit(trx, at, 'election.limit-set', actorId, candidate.id, { from: null, to: input.limitPence });
      return candidate;
    });
  }

  /** Sets a candidate's spending limit (pence, or null for none); null when the organisation has no such candidate. */
  async setLimit(orgId: string, candidateId: string, limitPence: number | null, actorId: string): Promise<CandidateRecord | null> {
    if (!ID.test(candidateId) || !ID.test(orgId)) return null;
    const at = new Date(this.now());
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('election_candidates as c')
        .innerJoin('elections as e', 'e.id', 'c.election_id')
        .select(['c.id', 'c.election_id', 'c.name', 'c.spending_limit_pence'])
        .where('c.id', '=', candidateId)
        .where('e.org_id', '=', orgId)
        .forUpdate('c')
        .executeTakeFirst();
      if (!row) return null;
      await trx.updateTable('election_candidates').set({ spending_limit_pence: limitPence }).where('id', '=', candidateId).execute();
      await recordAudit(trx, at, 'election.limit-set', actorId, candidateId, { from: row.spending_limit_pence === null ? null : num(row.spending_limit_pence), to: limitPence });
      return { id: row.id, electionId: row.election_id, name: row.name, limitPence };
    });
  }

  /**
   * Records spending made by hand. The invoice, when given, must already be in the file store (the
   * router checks: `invoiceKey`). Answers the new entry's id.
   */
  async record(orgId: string, input: EntryInput, actorId: string, invoiceKey: string | null): Promise<string> {
    return this.db.transaction().execute((trx) => this.insertCharge(trx, orgId, input.electionId, input, actorId, invoiceKey, { printOrderId: null, correctsId: null }));
  }

  /**
   * Records a placed print order as a ledger entry, inside the caller's transaction (the order and its
   * spending commit together). Validates as a hand entry does: a 400 AppError naming the field for an
   * unknown election or candidate, a split that does not add up, a date in the future. The invoice comes
   * later (attachInvoice): until then an order of £20 or more is listed "invoice missing". Answers the
   * entry's id. An order is recorded once (a second call for it is a 409).
   */
  async recordOrder(trx: Transaction<Database>, order: OrderSpending): Promise<string> {
    // The same schema as a hand entry: a split that does not add up is a 400 naming split.parts.
    const input = parseWith(replacementSchema, { item: order.item, supplierName: order.supplierName, supplierAddress: order.supplierAddress, incurredOn: order.incurredOn, paidOn: null, amountPence: order.amountPence, vatPence: order.vatPence, invoiceId: null, split: order.split });
    return this.insertCharge(trx, order.orgId, order.electionId, input, order.accountId, null, { printOrderId: order.printOrderId, correctsId: null });
  }

  /**
   * Corrects an entry: a reversal (the same entry with the opposite amounts, split the same way, dated
   * as the original so the history stays true) and, unless the spending did not happen, a replacement
   * as it should have been. Answers both ids; null when the organisation has no such entry.
   */
  async correct(orgId: string, entryId: string, input: CorrectionInput, actorId: string, invoiceKey: string | null): Promise<{ reversalId: string; replacementId: string | null } | null> {
    if (!ID.test(entryId) || !ID.test(orgId)) return null;
    try {
      return await this.db.transaction().execute((trx) => this.correctIn(trx, orgId, entryId, input, actorId, invoiceKey));
    } catch (err) {
      if (isUniqueViolation(err, 'spending_one_reversal') || isUniqueViolation(err, 'spending_one_replacement')) throw alreadyCorrected();
      throw err;
    }
  }

  /**
   * Reverses the entry of a print order that was cancelled after it was placed (the spending did not
   * happen), inside the cancelling's transaction: a reversal of the entry that counts now, with the
   * reason. Answers the reversal's id; null when the order has no entry that counts (never placed in an
   * election, or already reversed by hand).
   */
  async reverseOrder(trx: Transaction<Database>, orgId: string, printOrderId: string, actorId: string, reason: string): Promise<string | null> {
    const current = await this.orderEntryId(trx, orgId, printOrderId);
    if (!current) return null;
    return (await this.correctIn(trx, orgId, current, { reason, replacement: null }, actorId, null))?.reversalId ?? null;
  }

  private async correctIn(trx: Transaction<Database>, orgId: string, entryId: string, input: CorrectionInput, actorId: string, invoiceKey: string | null): Promise<{ reversalId: string; replacementId: string | null } | null> {
    const original = await trx
      .selectFrom('spending_entries')
      .select(['id', 'kind', 'election_id', 'item', 'supplier_name', 'supplier_address', sql<string>`incurred_on::text`.as('incurred_on'), sql<string | null>`paid_on::text`.as('paid_on'), 'amount_pence', 'vat_pence', 'print_order_id'])
      .where('id', '=', entryId)
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!original) return null;
    if (original.kind !== 'charge') throw new AppError(409, 'not_correctable', 'this entry is a reversal: correct the entry it reverses, or its replacement');
    const reversed = await trx.selectFrom('spending_entries').select('id').where('corrects_id', '=', entryId).where('kind', '=', 'reversal').executeTakeFirst();
    if (reversed) throw alreadyCorrected();
    const at = new Date(this.now());
    const reversalId = randomId();
    const parts = await trx.selectFrom('spending_entry_parts').select(['candidate_id', 'amount_pence']).where('entry_id', '=', entryId).execute();
    await trx
      .insertInto('spending_entries')
      .values({
        id: reversalId,
        org_id: orgId,
        election_id: original.election_id,
        kind: 'reversal',
        corrects_id: entryId,
        item: original.item,
        supplier_name: original.supplier_name,
        supplier_address: original.supplier_address,
        incurred_on: original.incurred_on,
        paid_on: original.paid_on,
        amount_pence: -num(original.amount_pence),
        vat_pence: -num(original.vat_pence),
        print_order_id: original.print_order_id,
        reason: input.reason,
        recorded_by: actorId,
        recorded_at: at,
      })
      .execute();
    await trx
      .insertInto('spending_entry_parts')
      .values(parts.map((p) => ({ entry_id: reversalId, election_id: original.election_id, candidate_id: p.candidate_id, amount_pence: -num(p.amount_pence) })))
      .execute();
    const replacementId = input.replacement ? await this.insertCharge(trx, orgId, original.election_id, input.replacement, actorId, invoiceKey, { printOrderId: original.print_order_id, correctsId: entryId }) : null;
    await recordAudit(trx, at, 'spending.corrected', actorId, entryId, { reversal: reversalId, replacement: replacementId });
    return { reversalId, replacementId };
  }

  /** The entry of a print order that counts now: its original, or the replacement of a correction; null when none does. */
  private async orderEntryId(db: Kysely<Database> | Transaction<Database>, orgId: string, printOrderId: string): Promise<string | null> {
    if (!ID.test(printOrderId) || !ID.test(orgId)) return null;
    const current = await db
      .selectFrom('spending_entries as s')
      .select('s.id')
      .where('s.org_id', '=', orgId)
      .where('s.print_order_id', '=', printOrderId)
      .where('s.kind', '=', 'charge')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('spending_entries as r').select('r.id').whereRef('r.corrects_id', '=', 's.id').where('r.kind', '=', 'reversal'))))
      .orderBy('s.recorded_at', 'desc')
      .executeTakeFirst();
    return current?.id ?? null;
  }

  /** Attaches the invoice to an entry that has none; false when the organisation has no such entry. */
  async attachInvoice(orgId: string, entryId: string, invoiceKey: string, actorId: string): Promise<boolean> {
    if (!ID.test(entryId) || !ID.test(orgId)) return false;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const entry = await trx.selectFrom('spending_entries').select(['id', 'kind']).where('id', '=', entryId).where('org_id', '=', orgId).executeTakeFirst();
        if (!entry) return false;
        if (entry.kind !== 'charge') throw new AppError(409, 'not_a_charge', 'a reversal has no invoice of its own: the invoice belongs to the entry it reverses');
        await this.insertInvoice(trx, entryId, invoiceKey, actorId);
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'spending_invoices_pkey')) throw invoiceAttached();
      throw err;
    }
  }

  private async insertInvoice(trx: Transaction<Database>, entryId: string, invoiceKey: string, actorId: string): Promise<void> {
    const at = new Date(this.now());
    const attached = await trx.insertInto('spending_invoices').values({ entry_id: entryId, file_key: invoiceKey, attached_by: actorId, attached_at: at }).onConflict((oc) => oc.column('entry_id').doNothing()).executeTakeFirst();
    if (Number(attached.numInsertedOrUpdatedRows ?? 0) === 0) throw invoiceAttached();
    await recordAudit(trx, at, 'spending.invoice-attached', actorId, entryId);
  }

  /**
   * Attaches a print order's invoice (the file store key, `invoices/<sha256>.<ext>`, as the order keeps
   * it) to the order's entry that counts now: its original, or the replacement of a correction. Inside
   * the caller's transaction when given one. Answers the entry's id; null when the order has no entry
   * (it was never placed in an election) or its entry was only reversed. 409 when it has an invoice.
   */
  async attachOrderInvoice(orgId: string, printOrderId: string, invoiceKey: string, actorId: string, trx?: Transaction<Database>): Promise<string | null> {
    const current = await this.orderEntryId(trx ?? this.db, orgId, printOrderId);
    if (!current) return null;
    if (trx) await this.insertInvoice(trx, current, invoiceKey, actorId);
    else await this.attachInvoice(orgId, current, invoiceKey, actorId);
    return current;
  }

  /** The organisation's entries, newest first, of one election when given. */
  async entries(orgId: string, electionId?: string, limit = 5000): Promise<EntryRecord[]> {
    if (!ID.test(orgId) || (electionId !== undefined && !ID.test(electionId))) return [];
    let query = this.db
      .selectFrom('spending_entries as s')
      .innerJoin('accounts as a', 'a.id', 's.recorded_by')
      .leftJoin('spending_invoices as i', 'i.entry_id', 's.id')
      .select([
        's.id',
        's.election_id',
        's.kind',
        's.corrects_id',
        's.item',
        's.supplier_name',
        's.supplier_address',
        sql<string>`s.incurred_on::text`.as('incurred_on'),
        sql<string | null>`s.paid_on::text`.as('paid_on'),
        's.amount_pence',
        's.vat_pence',
        's.print_order_id',
        's.reason',
        's.recorded_by',
        'a.role',
        's.recorded_at',
        'i.file_key',
      ])
      .where('s.org_id', '=', orgId);
    if (electionId) query = query.where('s.election_id', '=', electionId);
    const rows = await query.orderBy('s.recorded_at', 'desc').orderBy('s.kind').orderBy('s.id').limit(limit).execute();
    if (rows.length === 0) return [];
    const parts = await this.db
      .selectFrom('spending_entry_parts as p')
      .innerJoin('election_candidates as c', 'c.id', 'p.candidate_id')
      .select(['p.entry_id', 'p.candidate_id', 'c.name', 'p.amount_pence'])
      .where(
        'p.entry_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    const partsOf = new Map<string, EntryRecord['parts']>();
    for (const p of parts) partsOf.set(p.entry_id, [...(partsOf.get(p.entry_id) ?? []), { candidateId: p.candidate_id, candidateName: p.name, pence: num(p.amount_pence) }]);
    return rows.map((r) => ({
      id: r.id,
      electionId: r.election_id,
      kind: r.kind === 'reversal' ? 'reversal' : 'charge',
      correctsId: r.corrects_id,
      item: r.item,
      supplierName: r.supplier_name,
      supplierAddress: r.supplier_address,
      incurredOn: r.incurred_on,
      paidOn: r.paid_on,
      amountPence: num(r.amount_pence),
      vatPence: num(r.vat_pence),
      printOrderId: r.print_order_id,
      reason: r.reason,
      recordedBy: r.recorded_by,
      recordedByRole: r.role,
      recordedAt: r.recorded_at.getTime(),
      parts: partsOf.get(r.id) ?? [],
      invoiceKey: r.file_key ?? null,
    }));
  }

  /** The election an entry of the organisation belongs to, or null when it has no such entry. */
  async electionOfEntry(orgId: string, entryId: string): Promise<string | null> {
    if (!ID.test(entryId) || !ID.test(orgId)) return null;
    const row = await this.db.selectFrom('spending_entries').select('election_id').where('id', '=', entryId).where('org_id', '=', orgId).executeTakeFirst();
    return row?.election_id ?? null;
  }

  /** The file store's key of an entry's invoice, or null. */
  async invoiceKeyOf(orgId: string, entryId: string): Promise<string | null> {
    if (!ID.test(entryId) || !ID.test(orgId)) return null;
    const row = await this.db.selectFrom('spending_invoices as i').innerJoin('spending_entries as s', 's.id', 'i.entry_id').select('i.file_key').where('s.id', '=', entryId).where('s.org_id', '=', orgId).executeTakeFirst();
    return row?.file_key ?? null;
  }

  /** Every candidate's net spending per day of the organisation's elections (corrections included), oldest day first. */
  async dailyParts(orgId: string): Promise<DailyPart[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db
      .selectFrom('spending_entry_parts as p')
      .innerJoin('spending_entries as s', 's.id', 'p.entry_id')
      .select(['p.candidate_id', sql<string>`s.incurred_on::text`.as('day'), sql<string>`sum(p.amount_pence)`.as('pence')])
      .where('s.org_id', '=', orgId)
      .groupBy(['p.candidate_id', 's.incurred_on'])
      .orderBy('s.incurred_on')
      .execute();
    return rows.map((r) => ({ candidateId: r.candidate_id, day: r.day, pence: num(r.pence) }));
  }

  private async insertCharge(trx: Executor, orgId: string, electionId: string, input: ReplacementInput, actorId: string, invoiceKey: string | null, link: { printOrderId: string | null; correctsId: string | null }): Promise<string> {
    checkEntryDates(input, this.now());
    if (input.paidOn !== null && input.amountPence >= INVOICE_THRESHOLD_PENCE && invoiceKey === null) {
      throw AppError.validation([{ path: 'invoiceId', message: 'a payment of £20 or more needs its invoice: upload it, or leave paidOn empty until it arrives' }]);
    }
    const election = ID.test(electionId) ? await trx.selectFrom('elections').select('id').where('id', '=', electionId).where('org_id', '=', orgId).executeTakeFirst() : undefined;
    if (!election) throw AppError.validation([{ path: 'electionId', message: 'must be the id of an election of your organisation' }]);
    const candidates = new Set((await trx.selectFrom('election_candidates').select('id').where('election_id', '=', electionId).execute()).map((c) => c.id));
    const unknown = input.split.parts.findIndex((p) => !candidates.has(p.candidateId));
    if (unknown !== -1) throw AppError.validation([{ path: `split.parts[${unknown}].candidateId`, message: 'must be the id of a candidate of this election' }]);
    // A candidate whose share rounds to nothing (1p in halves) carries no part.
    const parts = resolveSplit(input.amountPence, input.split).filter((p) => p.pence !== 0);
    const at = new Date(this.now());
    const id = randomId();
    try {
      await trx
        .insertInto('spending_entries')
        .values({
          id,
          org_id: orgId,
          election_id: electionId,
          kind: 'charge',
          corrects_id: link.correctsId,
          item: input.item,
          supplier_name: input.supplierName,
          supplier_address: input.supplierAddress,
          incurred_on: input.incurredOn,
          paid_on: input.paidOn,
          amount_pence: input.amountPence,
          vat_pence: input.vatPence,
          print_order_id: link.printOrderId,
          reason: '',
          recorded_by: actorId,
          recorded_at: at,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err, 'spending_one_entry_per_order')) throw new AppError(409, 'order_recorded', 'this order is in the ledger already: correct its entry instead');
      throw err;
    }
    await trx
      .insertInto('spending_entry_parts')
      .values(parts.map((p) => ({ entry_id: id, election_id: electionId, candidate_id: p.candidateId, amount_pence: p.pence })))
      .execute();
    if (invoiceKey) await trx.insertInto('spending_invoices').values({ entry_id: id, file_key: invoiceKey, attached_by: actorId, attached_at: at }).execute();
    await recordAudit(trx, at, 'spending.recorded', actorId, id, { amountPence: input.amountPence, election: electionId, printOrder: link.printOrderId, corrects: link.correctsId });
    return id;
  }
}

const invoiceAttached = () => new AppError(409, 'invoice_attached', 'this entry has its invoice already: to replace it, correct the entry');
const alreadyCorrected = () => new AppError(409, 'already_corrected', 'this entry was corrected already: correct its replacement instead');
