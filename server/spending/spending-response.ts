import type { Account } from '../accounts/account';
import { limitWarningOf } from '../../common/spending/limit-warning';
import { INVOICE_THRESHOLD_PENCE } from '../../common/spending/money';
import type { ElectionSummary, EntryStatus, SpendingEntryResponse, SpendingPoint } from '../../common/spending/spending-response';
import { invoiceIdOfKey, type InvoiceType } from './invoice-file';
import type { DailyPart, ElectionRecord, EntryRecord } from './spending-store';

/** Where an entry's invoice is served. */
export const invoiceUrl = (orgId: string, entryId: string) => `/api/organisations/${orgId}/spending/entries/${entryId}/invoice`;

/** An election with each candidate's total against their limit and their spending over time (cumulative by day). */
export function electionSummary(election: ElectionRecord, daily: readonly DailyPart[]): ElectionSummary {
  return {
    id: election.id,
    name: election.name,
    pollingDay: election.pollingDay,
    kind: election.kind,
    candidates: election.candidates.map((c) => {
      let running = 0;
      const series: SpendingPoint[] = daily.filter((d) => d.candidateId === c.id).map((d) => ({ day: d.day, cumulativePence: (running += d.pence) }));
      return {
        id: c.id,
        name: c.name,
        limitPence: c.limitPence,
        totalPence: running,
        percentOfLimit: c.limitPence === null ? null : Math.floor((running * 100) / c.limitPence),
        warning: limitWarningOf(running, c.limitPence),
        series,
      };
    }),
  };
}

/** Entries as the agent sees them: each with what corrected it, its invoice, and whether the return still needs one. */
export function entryResponses(orgId: string, entries: readonly EntryRecord[], viewer: Account): SpendingEntryResponse[] {
  const reversalOf = new Map<string, string>();
  const replacementOf = new Map<string, string>();
  for (const e of entries) if (e.correctsId) (e.kind === 'reversal' ? reversalOf : replacementOf).set(e.correctsId, e.id);
  return entries.map((e) => {
    const reversedById = reversalOf.get(e.id) ?? null;
    const status: EntryStatus = e.kind === 'reversal' ? 'reversal' : reversedById ? 'corrected' : 'current';
    const invoiceId = e.invoiceKey ? invoiceIdOfKey(e.invoiceKey) : null;
    const role = e.recordedByRole === 'agent' || e.recordedByRole === 'admin' ? e.recordedByRole : 'campaigner';
    return {
      id: e.id,
      electionId: e.electionId,
      status,
      correctsId: e.correctsId,
      reversedById,
      replacedById: replacementOf.get(e.id) ?? null,
      item: e.item,
      supplierName: e.supplierName,
      supplierAddress: e.supplierAddress,
      incurredOn: e.incurredOn,
      paidOn: e.paidOn,
      amountPence: e.amountPence,
      vatPence: e.vatPence,
      parts: e.parts.map((p) => ({ candidateId: p.candidateId, candidateName: p.candidateName, pence: p.pence })),
      invoice: invoiceId ? { url: invoiceUrl(orgId, e.id), type: invoiceId.slice(65) as InvoiceType } : null,
      invoiceMissing: status === 'current' && invoiceId === null && e.amountPence >= INVOICE_THRESHOLD_PENCE,
      printOrderId: e.printOrderId,
      reason: e.reason,
      recordedAt: new Date(e.recordedAt).toISOString(),
      recordedByYou: e.recordedBy === viewer.id,
      recordedByRole: role,
    };
  });
}
