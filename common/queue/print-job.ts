import { z } from 'zod';
import { DEFAULT_PRINT_SETTINGS, printSettingsSchema, type PrintSettings } from '../colour/print-settings';
import { designSchema } from '../design/design-schema';
import { templateLocksSchema } from '../templates/template-locks';

/**
 * Version of the renderer's output. It is part of every job id and PDF hash: bump it whenever a change
 * alters the PDFs, so old jobs keep their old files and new submissions render afresh.
 */
export const RENDERER_VERSION = '3';

/**
 * When this renderer version was released: every PDF it draws carries this as its creation date, so the
 * same design and renderer version always give the same bytes (a PDF is named by the hash of both).
 */
export const RENDERER_RELEASED = new Date('2026-12-05T00:00:00Z');

/** The words drawn across every page of a proof, so it can never pass for the final file. */
export const PROOF_MARK = 'PROOF — NOT APPROVED';

/** Most copies one print job may order. */
export const MAX_COPIES = 100_000;

/** What the server puts on the queue. The worker parses it again before it renders anything. */
export const printJobDataSchema = z.object({
  design: designSchema,
  /** Copies to print; part of the order, not of the PDF. */
  copies: z.number().int().min(1).max(MAX_COPIES),
  /** How colours become inks (the server's PRINT_* settings); part of the PDF's hash. Jobs queued before it existed get the defaults. */
  print: printSettingsSchema.default(DEFAULT_PRINT_SETTINGS),
  /** sha256 of the design, the print settings and the renderer version: the PDF's file store name. */
  pdfHash: z.string().regex(/^[a-f0-9]{64}$/),
  /** When the server accepted the job, milliseconds since the epoch. */
  acceptedAt: z.number().int().positive(),
  /**
   * Set while the job waits for the file store to come back (print-processor.ts): since when, milliseconds
   * since the epoch, and how many times it has been put back. Absent on a job that has not had to wait.
   */
  storeWait: z.object({ since: z.number().int().positive(), count: z.number().int().min(1) }).optional(),
  /** The organisation that sent it (only its accounts may see the job); the worker ignores it. */
  orgId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
  /** The account that sent it, for the organisation's print records (PostgreSQL); the worker ignores it. */
  accountId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
  /**
   * A proof for the agent's sign-off: the worker draws PROOF_MARK across every page, and the PDF's hash
   * and the job's id differ from the final file's. Absent (or false) on a final print.
   */
  proof: z.boolean().optional(),
  /**
   * The organisation's saved design and the version of it this job printed (the version whose document
   * equals the printed design: see POST /api/print-jobs in docs/api.md), for the print records; absent
   * when it was not sent from a saved design. The worker ignores it.
   */
  savedDesign: z.object({ id: z.string().regex(/^[a-f0-9]{32}$/), version: z.number().int().min(1) }).optional(),
  /**
   * The published template the design was made from and the elements it locks (issue 16): the server
   * refused the job if the design broke one, and the worker checks again and fails the job as
   * unrecoverable if it does. Absent for a design made from no published template.
   */
  templateLocks: templateLocksSchema.optional(),
  /**
   * A version of a print run (a child of its flow): the worker keeps the pictures it converts in the file
   * store (convertedImageKey) so that the run's combined PDF does not convert them again. Absent on a single job.
   */
  partOfRun: z.boolean().optional(),
});
/** A print job as queued (the print settings may be absent: the worker fills in the defaults). */
export type PrintJobData = Omit<z.output<typeof printJobDataSchema>, 'print'> & { print?: PrintSettings };

export const preflightWarningSchema = z.object({
  code: z.enum(['low-resolution-image', 'text-outside-safe-area', 'missing-glyphs', 'unknown-image', 'ink-coverage']),
  page: z.number().int().min(0),
  elementId: z.string(),
  message: z.string(),
  /** Effective pixels per inch of a low-resolution image at its printed size. */
  ppi: z.number().int().min(0).optional(),
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
