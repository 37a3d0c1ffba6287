import type { DesignInput } from '../../../common/design/design-schema';
import type { PreflightWarning } from '../../../common/layout/draw-items';
import { fetchJson } from './fetch-json';

/** A print job as POST /api/print-jobs and GET /api/print-jobs/:id describe it. */
export interface PrintJob {
  id: string;
  status: 'queued' | 'rendering' | 'done' | 'failed';
  /** 0-100. */
  progress: number;
  /** Place in the queue, 1 = next; null when not waiting. */
  position: number | null;
  statusUrl: string;
  /** ISO 8601. */
  acceptedAt: string;
  download: { url: string; pages: number; bytes: number } | null;
  warnings: PreflightWarning[];
  /** Why the job failed, in words for the campaigner. */
  failure: string | null;
}

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
