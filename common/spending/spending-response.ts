import type { LimitWarning } from './limit-warning';
import type { CURRENCY } from './money';

/** The JSON of /api/organisations/:orgId/spending…, shared by the server that builds it and the client that reads it. Accounts are never named. */

/** One day of a candidate's spending over time. */
export interface SpendingPoint {
  /** A UK date, 'YYYY-MM-DD': the day spending was incurred. */
  day: string;
  /** Everything incurred for the candidate up to and including this day, net of corrections, pence. */
  cumulativePence: number;
}

export interface CandidateTotals {
  id: string;
  name: string;
  /** The limit the agent set, pence; null when none is set. */
  limitPence: number | null;
  /** Net of corrections, pence. */
  totalPence: number;
  /** Whole percent of the limit spent (rounded down); null without a limit. */
  percentOfLimit: number | null;
  warning: LimitWarning;
  series: SpendingPoint[];
}

export interface ElectionSummary {
  id: string;
  name: string;
  /** A UK date, 'YYYY-MM-DD'. */
  pollingDay: string;
  kind: string;
  candidates: CandidateTotals[];
}

/** GET /api/organisations/:orgId/spending: what every member of the organisation may read. */
export interface SpendingOverview {
  /** Every amount is pence of this currency. */
  currency: typeof CURRENCY;
  /** Whether the account asking may record entries, set limits and read the ledger (an agent of the organisation, or an admin). */
  canRecord: boolean;
  /** Newest polling day first. */
  elections: ElectionSummary[];
}

/** `current`: counts as recorded; `corrected`: reversed by a later entry (and perhaps replaced); `reversal`: undoes the entry it corrects. */
export type EntryStatus = 'current' | 'corrected' | 'reversal';

export interface SpendingEntryResponse {
  id: string;
  electionId: string;
  status: EntryStatus;
  /** The entry this one reverses or replaces; null for an original entry. */
  correctsId: string | null;
  /** For a corrected entry: its reversal and its replacement (null when it was only reversed). */
  reversedById: string | null;
  replacedById: string | null;
  item: string;
  supplierName: string;
  supplierAddress: string;
  /** UK dates, 'YYYY-MM-DD'. */
  incurredOn: string;
  paidOn: string | null;
  /** Including VAT, pence; negative for a reversal. */
  amountPence: number;
  vatPence: number;
  parts: Array<{ candidateId: string; candidateName: string; pence: number }>;
  invoice: { url: string; type: 'pdf' | 'png' | 'jpg' } | null;
  /** £20 or more, and no invoice yet: the return needs one (shown "invoice missing"). */
  invoiceMissing: boolean;
  /** The print order it records; null for an entry made by hand. */
  printOrderId: string | null;
  /** Why a reversal was made; empty otherwise. */
  reason: string;
  /** ISO 8601, UTC. */
  recordedAt: string;
  recordedByYou: boolean;
  recordedByRole: 'agent' | 'campaigner' | 'admin';
}

export interface SpendingEntriesResponse {
  /** Every amount is pence of this currency. */
  currency: typeof CURRENCY;
  /** Newest first. */
  entries: SpendingEntryResponse[];
}

/** POST …/spending/invoices. */
export interface UploadedInvoice {
  /** Give this as an entry's invoiceId. */
  invoiceId: string;
  type: 'pdf' | 'png' | 'jpg';
  bytes: number;
}
