import type { PrintJobView } from './print-queue';

/** The JSON body of a print job, built field by field (never by serialising the stored job). */
export interface PrintJobResponse {
  id: string;
  status: PrintJobView['status'];
  /** 0-100. */
  progress: number;
  /** 1 = next to render; null when not waiting. */
  position: number | null;
  statusUrl: string;
  /** ISO 8601. */
  acceptedAt: string;
  download: { url: string; pages: number; bytes: number } | null;
  warnings: Array<{ code: string; page: number; elementId: string; message: string }>;
  failure: string | null;
  /**
   * Seconds until the job is expected to start rendering, from its place in the queue and the rate the
   * queue drains at (told to campaigners especially while Rosette is busy); null when not waiting or unknown.
   */
  estimatedWaitSeconds: number | null;
}

export function printJobResponse(view: PrintJobView, estimatedWaitSeconds: number | null = null): PrintJobResponse {
  const r = view.result;
  return {
    id: view.id,
    status: view.status,
    progress: view.progress,
    position: view.position,
    statusUrl: `/api/print-jobs/${view.id}`,
    acceptedAt: new Date(view.acceptedAt).toISOString(),
    download: r ? { url: `/downloads/${r.pdfHash}.pdf`, pages: r.pages, bytes: r.bytes } : null,
    warnings: r ? r.warnings.map((w) => ({ code: w.code, page: w.page, elementId: w.elementId, message: w.message })) : [],
    failure: view.failure,
    estimatedWaitSeconds: view.position === null ? null : estimatedWaitSeconds,
  };
}
