import type { CandidateTotals, ElectionSummary, SpendingEntriesResponse, SpendingEntryResponse, SpendingOverview, UploadedInvoice } from '../../../common/spending/spending-response';
import type { CorrectionInput, ElectionInput, EntryInput } from '../../../common/spending/spending-schemas';
import { ApiError } from './api-error';
import { csrfHeaders } from './csrf-token';
import { errorFromResponse } from './error-from-response';
import { fetchJson } from './fetch-json';

export type { CandidateTotals, ElectionSummary, SpendingEntryResponse, SpendingOverview };

const base = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}/spending`;
const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Elections, candidates, limits and totals: what every account of the organisation reads. */
export function getSpending(orgId: string): Promise<SpendingOverview> {
  return fetchJson<SpendingOverview>(base(orgId), { cache: 'no-store' });
}

export function createElection(orgId: string, input: ElectionInput): Promise<ElectionSummary> {
  return fetchJson<ElectionSummary>(`${base(orgId)}/elections`, send('POST', input));
}

export function addCandidate(orgId: string, electionId: string, name: string, limitPence: number | null): Promise<unknown> {
  return fetchJson(`${base(orgId)}/elections/${encodeURIComponent(electionId)}/candidates`, send('POST', { name, limitPence }));
}

export function setLimit(orgId: string, candidateId: string, limitPence: number | null): Promise<unknown> {
  return fetchJson(`${base(orgId)}/candidates/${encodeURIComponent(candidateId)}/limit`, send('PUT', { limitPence }));
}

/** The ledger's entries of one election, newest first (agents and admins only). */
export async function listEntries(orgId: string, electionId: string): Promise<SpendingEntryResponse[]> {
  return (await fetchJson<SpendingEntriesResponse>(`${base(orgId)}/entries?electionId=${encodeURIComponent(electionId)}`, { cache: 'no-store' })).entries;
}

export function recordEntry(orgId: string, input: EntryInput): Promise<SpendingEntryResponse> {
  return fetchJson<SpendingEntryResponse>(`${base(orgId)}/entries`, send('POST', input));
}

export function correctEntry(orgId: string, entryId: string, input: CorrectionInput): Promise<{ reversal: SpendingEntryResponse; replacement: SpendingEntryResponse | null }> {
  return fetchJson(`${base(orgId)}/entries/${encodeURIComponent(entryId)}/corrections`, send('POST', input));
}

export function attachInvoice(orgId: string, entryId: string, invoiceId: string): Promise<SpendingEntryResponse> {
  return fetchJson<SpendingEntryResponse>(`${base(orgId)}/entries/${encodeURIComponent(entryId)}/invoice`, send('PUT', { invoiceId }));
}

/** Uploads an invoice's bytes (the server checks they are a PDF, PNG or JPEG). */
export async function uploadInvoice(orgId: string, file: Blob): Promise<UploadedInvoice> {
  let res: Response;
  try {
    res = await fetch(`${base(orgId)}/invoices`, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream', ...csrfHeaders() }, body: file });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const text = await res.text();
  if (!res.ok) throw errorFromResponse(res.status, text, res.headers.get('Retry-After'));
  return JSON.parse(text) as UploadedInvoice;
}

/** Where a candidate's return is downloaded. */
export const returnUrl = (orgId: string, candidateId: string, format: 'csv' | 'pdf') => `${base(orgId)}/candidates/${encodeURIComponent(candidateId)}/return.${format}`;
