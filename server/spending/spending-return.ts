import { INVOICE_THRESHOLD_PENCE } from '../../common/spending/money';
import { limitWarningOf, type LimitWarning } from '../../common/spending/limit-warning';
import { invoiceIdOfKey } from './invoice-file';
import type { CandidateRecord, ElectionRecord, EntryRecord } from './spending-store';

/** One item of a candidate's return: an entry with the candidate's share. */
export interface ReturnRow {
  /** The entry's short reference (first 8 hex digits of its id), as the invoices list names it. */
  ref: string;
  /** UK dates, 'YYYY-MM-DD'. */
  incurredOn: string;
  paidOn: string | null;
  item: string;
  supplierName: string;
  supplierAddress: string;
  /** The whole item, VAT included, pence (negative for a reversal). */
  amountPence: number;
  vatPence: number;
  /** This candidate's part of it, pence. */
  sharePence: number;
  /** The invoice's file name, `missing` when £20 or more has none, `not needed` below £20 or for a reversal. */
  invoice: string;
  /** What else the return's reader needs: a correction, a print order. */
  note: string;
}

/** A candidate's spending return for one election, as the export draws it. */
export interface SpendingReturn {
  election: Pick<ElectionRecord, 'name' | 'pollingDay' | 'kind'>;
  candidate: Pick<CandidateRecord, 'name' | 'limitPence'>;
  rows: ReturnRow[];
  /** Pence, net of corrections. */
  totalPence: number;
  warning: LimitWarning;
  /** Every invoice of the return's items, by entry reference. */
  invoices: Array<{ ref: string; file: string }>;
  /** References of items of £20 or more without an invoice. */
  missingInvoices: string[];
}

export const refOf = (id: string): string => id.slice(0, 8);

/**
 * The candidate's return from the ledger: every entry with a part for them, oldest day first
 * (reversals included, so each figure can be traced and the total is net of corrections).
 */
export function buildReturn(election: ElectionRecord, candidate: CandidateRecord, entries: readonly EntryRecord[]): SpendingReturn {
  const mine = entries
    .filter((e) => e.electionId === election.id && e.parts.some((p) => p.candidateId === candidate.id))
    .sort((a, b) => a.incurredOn.localeCompare(b.incurredOn) || a.recordedAt - b.recordedAt || a.id.localeCompare(b.id));
  const rows = mine.map((e): ReturnRow => {
    const invoice = e.invoiceKey ? invoiceIdOfKey(e.invoiceKey) : e.kind === 'charge' && e.amountPence >= INVOICE_THRESHOLD_PENCE ? 'missing' : 'not needed';
    const notes = [
      e.kind === 'reversal' && e.correctsId ? `Reverses ${refOf(e.correctsId)}: ${e.reason}` : '',
      e.kind === 'charge' && e.correctsId ? `Replaces ${refOf(e.correctsId)}` : '',
      e.printOrderId ? `Print order ${refOf(e.printOrderId)}` : '',
    ].filter(Boolean);
    return {
      ref: refOf(e.id),
      incurredOn: e.incurredOn,
      paidOn: e.paidOn,
      item: e.item,
      supplierName: e.supplierName,
      supplierAddress: e.supplierAddress,
      amountPence: e.amountPence,
      vatPence: e.vatPence,
      sharePence: e.parts.find((p) => p.candidateId === candidate.id)!.pence,
      invoice,
      note: notes.join('; '),
    };
  });
  const totalPence = rows.reduce((sum, r) => sum + r.sharePence, 0);
  return {
    election: { name: election.name, pollingDay: election.pollingDay, kind: election.kind },
    candidate: { name: candidate.name, limitPence: candidate.limitPence },
    rows,
    totalPence,
    warning: limitWarningOf(totalPence, candidate.limitPence),
    invoices: rows.filter((r) => r.invoice !== 'missing' && r.invoice !== 'not needed').map((r) => ({ ref: r.ref, file: r.invoice })),
    missingInvoices: rows.filter((r) => r.invoice === 'missing').map((r) => r.ref),
  };
}
