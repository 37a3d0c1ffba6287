import { z } from 'zod';

/** A share link of a finished print job, as Redis holds it. The token is not in it: only its digest. */
export const storedShareLinkSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{32}$/),
  jobId: z.string().regex(/^[a-f0-9]{32}$/),
  orgId: z.string().regex(/^[a-f0-9]{32}$/),
  tokenDigest: z.string().regex(/^[a-f0-9]{64}$/),
  /** sha256 of the PDF: its name in the file store. */
  pdfHash: z.string().regex(/^[a-f0-9]{64}$/),
  title: z.string(),
  pages: z.coerce.number().int().min(1),
  bytes: z.coerce.number().int().min(1),
  /** The front page's draw items (FrontPage, JSON), taken when the link was made. */
  front: z.string(),
  /** Milliseconds since the epoch. */
  createdAt: z.coerce.number().int(),
  /** Milliseconds since the epoch; 0 = never expires. */
  expiresAt: z.coerce.number().int().min(0),
  /** The account that made it; absent on links made before it was recorded. */
  createdBy: z.string().regex(/^[a-f0-9]{32}$/).optional(),
});
export type ShareLink = z.output<typeof storedShareLinkSchema>;

/** Most share links one print job may have at once. */
export const MAX_LINKS_PER_JOB = 50;
/** Longest a share link may be set to last, days. */
export const MAX_SHARE_DAYS = 365;

/** The body of POST /api/print-jobs/:id/share-links. */
export const createShareLinkSchema = z.object({
  /** Days until the link stops working; absent or null for a link that works until it is revoked. */
  expiresInDays: z.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(MAX_SHARE_DAYS, `must be at most ${MAX_SHARE_DAYS} days`).nullable().default(null),
});
