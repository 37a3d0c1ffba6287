import type { ApiError, MaintenanceNotice } from '../api/api-error';
import type { PrintJob } from '../api/print-jobs-api';
import type { PendingPrint } from '../drafts/draft';

/** Why a send is waiting to be tried again. */
export type WaitReason = 'unavailable' | 'busy' | 'offline';

/** What the print panel shows. */
export type PrintState =
  | { phase: 'idle' }
  | { phase: 'sending' }
  /** The service turned the job away for now; it is sent again by itself at retryAt. */
  | { phase: 'waiting'; reason: WaitReason; retryAt: number; attempt: number; maintenance: MaintenanceNotice | null }
  /**
   * The server refused the design itself (it will not be retried); or, with `beforeQueueing`, the browser
   * asks what the server would (the template's words) before queueing a print while Rosette is closed.
   * `queued`: it had been queued while Rosette was closed and was refused when sent (draft.refusedPrint).
   */
  | {
      phase: 'rejected';
      error: ApiError;
      designKey: string;
      confirmed: Pick<PendingPrint, 'confirmLowResolutionImages' | 'confirmUnchangedTemplateText'>;
      queued?: boolean;
      beforeQueueing?: boolean;
    }
  /** The job is on the queue; `job` is its latest status (null until first heard). */
  | { phase: 'tracking'; job: PrintJob | null; afterOutage: boolean; trouble: WaitReason | null }
  /** The server no longer knows the job (it expired). */
  | { phase: 'lost' };

export function waitReason(error: ApiError): WaitReason {
  return error.status === 429 ? 'busy' : error.status === 0 ? 'offline' : 'unavailable';
}
