import { z } from 'zod';

/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** An email address as accounts store it: trimmed and lower-cased, so one person has one account. */
export const emailSchema = z
  .string({ error: 'must be an email address' })
  .trim()
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .pipe(z.email('must be an email address'))
  .transform((e) => e.toLowerCase());
