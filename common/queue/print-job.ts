import { z } from 'zod';
import { designSchema } from '../design/design-schema';

/**
 * Version of the renderer's output. It is part of every job id and PDF hash: bump it whenever a change
 * alters the PDFs, so old jobs keep their old files and new submissions render afresh.
 */
export const RENDERER_VERSION = '2';

/** Most copies one print job may order. */
export const MAX_COPIES = 100_000;

/** What the server puts on the queue. The worker parses it again before it renders anything. */
export const printJobDataSchema = z.object({
  design: designSchema,
  /** Copies to print; part of the order, not of the PDF. */
  copies: z.number().int().min(1).max(MAX_COPIES),
  /** sha256 of the design and the renderer version: the PDF's file store name. */
  pdfHash: z.string().regex(/^[a-f0-9]{64}$/),
  /** When the server accepted the job, milliseconds since the epoch. */
  acceptedAt: z.number().int().positive(),
  /** The organisation that sent it (only its accounts may see the job); the worker ignores it. */
  orgId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
});
export type PrintJobData = z.output<typeof printJobDataSchema>;

export const preflightWarningSchema = z.object({
  code: z.enum(['low-resolution-image', 'text-outside-safe-area', 'missing-glyphs', 'unknown-image']),
  page: z.number().int().min(0),
  elementId: z.string(),
  message: z.string(),
});

/** What the worker returns when a job is done; the server reads it to answer status requests. */
export const printJobResultSchema = z.object({
  pdfHash: z.string().regex(/^[a-f0-9]{64}$/),
  pages: z.number().int().min(1),
  /** Size of the PDF in bytes. */
  bytes: z.number().int().positive(),
  warnings: z.array(preflightWarningSchema),
  /** Time spent rendering, milliseconds (0 when the PDF already existed). */
  renderMs: z.number().min(0),
});
export type PrintJobResult = z.output<typeof printJobResultSchema>;

/** The status of a print job as the API reports it. */
export type PrintJobStatus = 'queued' | 'rendering' | 'done' | 'failed';

/**
 * The worker starts a job's failure reason with this when the design itself is at fault (the server
 * may show the rest to the campaigner); any other reason is internal and is not shown.
 */
export const DESIGN_ERROR_PREFIX = 'design: ';
