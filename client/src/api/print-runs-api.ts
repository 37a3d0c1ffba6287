import type { PrintRunResponse } from '../../../common/api/print-run-response';
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
