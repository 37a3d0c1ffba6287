import type { PrintJobResponse } from '../../common/api/print-job-response';
import type { PrintJobView } from './print-queue';

/** What the queue is doing, for a waiting job's answer. */
export interface QueueOutlook {
  /** Seconds until a job at this place starts rendering (overload-state.ts); null when unknown. */
  estimatedWaitSeconds: number | null;
  /** An admin paused printing. */
  printingPaused: boolean;
}

/** The JSON body of a print job, built field by field (never by serialising the stored job). */
export function printJobResponse(view: PrintJobView, outlook: QueueOutlook = { estimatedWaitSeconds: null, printingPaused: false }): PrintJobResponse {
  const r = view.result;
  return {
    id: view.id,
    status: view.status,
    progress: view.progress,
    position: view.position,
    statusUrl: `/api/print-jobs/${view.id}`,
    acceptedAt: new Date(view.acceptedAt).toISOString(),
    download: r ? { url: `/downloads/${r.pdfHash}.pdf`, pages: r.pages, bytes: r.bytes } : null,
    warnings: r ? r.warnings.map((w) => ({ code: w.code, page: w.page, elementId: w.elementId, message: w.message, ...(w.ppi !== undefined && { ppi: w.ppi }) })) : [],
    failure: view.failure,
    estimatedWaitSeconds: view.position !== null ? outlook.estimatedWaitSeconds : null,
    printingPaused: view.status === 'queued' && outlook.printingPaused,
    proof: view.proof,
  };
}
