import { z } from 'zod';
import { FAILED_REASON_MAX, type FailedJobSummary, type FailureCause } from '../../common/api/admin-queue';
import { PAPER_SIZE_NAMES } from '../../common/design/paper-formats';
import { DESIGN_ERROR_PREFIX } from '../../common/queue/print-job';

/** The part of a BullMQ job a summary reads (so tests can build one without a queue). */
export interface FailedJobLike {
  id?: string;
  data: unknown;
  attemptsMade: number;
  failedReason?: string;
  /** When the job was added, milliseconds since the epoch. */
  timestamp: number;
  /** When its last attempt ended, milliseconds since the epoch. */
  finishedOn?: number;
}

/**
 * Only what can be read without personal data: the paper size is one of the known names and the
 * orientation one of two words, so nothing a campaigner typed can come through. The title, the text,
 * the imprint (printer and promoter names and addresses) and the organisation are never read.
 */
const shapeSchema = z.object({
  design: z.object({
    format: z.object({ size: z.enum(PAPER_SIZE_NAMES), orientation: z.enum(['portrait', 'landscape']).default('portrait') }),
    pages: z.array(z.unknown()).min(1).max(100),
  }),
});

/** A failed job as GET /api/admin/queue lists it, built field by field (never by serialising the job). */
export function failedJobSummary(job: FailedJobLike): FailedJobSummary {
  const shape = shapeSchema.safeParse(job.data);
  const { cause, reason } = failureOf(job.failedReason);
  return {
    id: job.id ?? '',
    format: shape.success ? { size: shape.data.design.format.size, orientation: shape.data.design.format.orientation } : null,
    pages: shape.success ? shape.data.design.pages.length : null,
    attemptsMade: job.attemptsMade,
    cause,
    failedReason: reason,
    queuedAt: new Date(job.timestamp).toISOString(),
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/**
 * Whose fault a failure is, and the reason on one line, cut to FAILED_REASON_MAX characters. The
 * worker writes its reasons itself (worker/render-job.ts): the design's faults start with
 * DESIGN_ERROR_PREFIX and name element ids, fields and sizes, never the text or the imprint; the others
 * are error messages (storage, render timeouts, a crashed render thread). The cut keeps an unexpected
 * long message (a library's dump of its input) from reaching the page whole.
 */
export function failureOf(failedReason: string | undefined): { cause: FailureCause; reason: string } {
  const raw = failedReason ?? '';
  const design = raw.startsWith(DESIGN_ERROR_PREFIX);
  // Control characters and line breaks: a stack trace or a multi-line dump becomes one line.
  const line = (design ? raw.slice(DESIGN_ERROR_PREFIX.length) : raw).replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
  const text = line || 'no reason was recorded';
  return { cause: design ? 'design' : 'system', reason: text.length > FAILED_REASON_MAX ? `${text.slice(0, FAILED_REASON_MAX - 1)}…` : text };
}
