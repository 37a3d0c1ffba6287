import type { DesignInput } from '../../../common/design/design-schema';
import type { PrintJobResponse } from '../../../common/api/print-job-response';
import { fetchJson } from './fetch-json';

/** A print job as POST /api/print-jobs and GET /api/print-jobs/:id describe it. */
export type PrintJob = PrintJobResponse;

export function submitPrintJob(design: DesignInput, copies: number, signal?: AbortSignal): Promise<PrintJob> {
  return fetchJson<PrintJob>('/api/print-jobs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ design, copies }),
    signal,
  });
}

export function getPrintJob(statusUrl: string, signal?: AbortSignal): Promise<PrintJob> {
  return fetchJson<PrintJob>(statusUrl, { signal, cache: 'no-store' });
}
