import { z } from 'zod';

/** What the server puts on the queue as a print run's parent job; the worker parses it again. */
export const printRunJobDataSchema = z.object({
  /** The run's id (PostgreSQL `print_runs.id`). */
  runId: z.string().regex(/^[a-f0-9]{32}$/),
  /** The organisation whose run it is. */
  orgId: z.string().regex(/^[a-f0-9]{32}$/),
  /** Variants (rows) in the run; identical rows share a render, so there may be fewer children. */
  variants: z.number().int().min(1),
  /** When the server accepted the run, milliseconds since the epoch. */
  acceptedAt: z.number().int().positive(),
  /** Each version's render (a child's job id), in row order; identical versions name the same child. */
  jobIds: z.array(z.string().regex(/^[a-f0-9]{32}$/)).min(1).max(2000),
  /** Each version's name in row order (a ward, a candidate): the names of the files in the run's ZIP. */
  labels: z.array(z.string().min(1).max(120)).min(1).max(2000),
  /** The combined PDF's title. */
  title: z.string().max(200),
});
export type PrintRunJobData = z.infer<typeof printRunJobDataSchema>;

/** What the parent job returns once every child has rendered. */
export const printRunJobResultSchema = z.object({
  /** Distinct PDFs the run's children made (identical variants share one). */
  renders: z.number().int().min(0),
  /** Pages of every variant together, in row order. */
  pages: z.number().int().min(0),
  /** The combined PDF for the printer: every version's pages in row order (file store pdfKey(pdfHash)). */
  combined: z.object({ pdfHash: z.string().regex(/^[a-f0-9]{64}$/), pages: z.number().int().min(1), bytes: z.number().int().min(1) }),
});
export type PrintRunJobResult = z.infer<typeof printRunJobResultSchema>;
