import type { DesignInput } from '../../../common/design/design-schema';
import type { PrintJobResponse } from '../../../common/api/print-job-response';
import { fetchJson } from './fetch-json';

/** A print job as POST /api/print-jobs and GET /api/print-jobs/:id describe it. */
export type PrintJob = PrintJobResponse;

/** What the campaigner has confirmed they want printed anyway (see POST /api/print-jobs in docs/api.md). */
export interface PrintConfirmation {
  /** Print images below 150 ppi at their printed size, which the server otherwise refuses. */
  lowResolutionImages?: true;
  /** Print headings and paragraphs still word for word as the template has them, which the server otherwise refuses. */
  unchangedTemplateText?: true;
}

/**
 * Sends a design to print; no number of copies: that belongs to a print order, and changes nothing in the PDF.
 * @param designId The organisation's saved design the draft came from or was saved as: the print history
 *   then links the job to the version it printed (saved as a new version when it differs from all).
 */
export function submitPrintJob(design: DesignInput, signal?: AbortSignal, confirm?: PrintConfirmation, designId?: string): Promise<PrintJob> {
  return fetchJson<PrintJob>('/api/print-jobs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ design, ...(confirm && { confirm }), ...(designId && { designId }) }),
    signal,
  });
}

export function getPrintJob(statusUrl: string, signal?: AbortSignal): Promise<PrintJob> {
  return fetchJson<PrintJob>(statusUrl, { signal, cache: 'no-store' });
}
