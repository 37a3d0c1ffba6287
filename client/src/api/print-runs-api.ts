import type { PrintRunResponse } from '../../../common/api/print-run-response';
import type { SignOffRequestSummary } from '../../../common/api/sign-off-response';
import type { PrintOrderResponse } from '../../../common/orders/print-order';
import type { RunOrderInput } from '../../../common/orders/run-order-input';
import { fetchJson } from './fetch-json';

export type { PrintRunResponse };

/** Starts a print run of every version of the design's saved table. */
export function startPrintRun(designId: string, confirm: { unchangedTemplateText?: boolean; lowResolutionImages?: boolean } = {}): Promise<PrintRunResponse> {
  return fetchJson<PrintRunResponse>(`/api/designs/${encodeURIComponent(designId)}/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirm }) });
}

/** Where a run stands. */
export function getPrintRun(runId: string): Promise<PrintRunResponse> {
  return fetchJson<PrintRunResponse>(`/api/runs/${encodeURIComponent(runId)}`, { cache: 'no-store' });
}

/** Sends a failed version, or a run whose combined PDF failed, to the worker again (its retryUrl). */
export function retryRunVariant(retryUrl: string): Promise<PrintRunResponse> {
  return fetchJson<PrintRunResponse>(retryUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}

/** Sends a done run for sign-off: its design version with its variant table, approved once for every version (sent again when returned). */
export function sendRunForSignOff(runId: string, note = ''): Promise<SignOffRequestSummary> {
  return fetchJson<SignOffRequestSummary>(`/api/runs/${encodeURIComponent(runId)}/sign-off`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note }) });
}

/** Prepares one draft order of the whole run, a quantity per version; the agent places it as any order. */
export function orderRun(runId: string, input: RunOrderInput): Promise<PrintOrderResponse> {
  return fetchJson<PrintOrderResponse>(`/api/runs/${encodeURIComponent(runId)}/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
}
