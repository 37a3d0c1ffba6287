import type { PreflightWarning } from '../layout/draw-items';
import type { PrintJobStatus } from '../queue/print-job';

/**
 * The JSON of POST /api/print-jobs and GET /api/print-jobs/:id, shared by the server that builds it
 * (field by field, never by serialising the stored job) and the client that reads it.
 */
export interface PrintJobResponse {
  id: string;
  status: PrintJobStatus;
  /** 0-100. */
  progress: number;
  /** Place in the queue, 1 = next to render; null when not waiting. */
  position: number | null;
  statusUrl: string;
  /** ISO 8601. */
  acceptedAt: string;
  download: { url: string; pages: number; bytes: number } | null;
  warnings: PreflightWarning[];
  /** Why the job failed, in words for the campaigner. */
  failure: string | null;
  /**
   * Seconds until the job is expected to start rendering, from its place in the queue and the rate the
   * queue drains at (told to campaigners especially while Rosette is busy); null when not waiting or unknown.
   */
  estimatedWaitSeconds: number | null;
  /**
   * True while an admin has paused printing and the job is waiting: it is safe in the queue and will be
   * printed when printing resumes, but nobody can say when.
   */
  printingPaused: boolean;
  /** A proof for sign-off, marked "PROOF — NOT APPROVED" across every page: never the file to print or share. */
  proof: boolean;
}
