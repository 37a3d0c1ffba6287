import { z } from 'zod';
import { MAX_ENTRY_PENCE, MAX_LIMIT_PENCE } from './money';
import { basisPointsOf, WHOLE_BASIS_POINTS } from './resolve-split';
import { isRealDate } from './uk-date';

/** The request bodies of the spending ledger's API, checked by the server and by the client before it sends. */

const ID = /^[a-f0-9]{32}$/;
const id = (what: string) => z.string({ error: `must be the id of ${what}` }).regex(ID, `must be the id of ${what}`);
/** Control characters but tab and line breaks: PostgreSQL refuses NUL in text, and none belongs on a return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = (max: number, what = 'text') =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((t) => !CONTROL.test(t), 'must not contain control characters');
/** Dates outside this century are typing slips (and year 0 is no date PostgreSQL knows). */
const day = z
  .string({ error: 'must be a date such as 2026-05-07' })
  .refine(isRealDate, 'must be a real date such as 2026-05-07')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'must be a date from 2000 to 2099');
const pence = (min: number, max: number, what: string) =>
  z
    .number({ error: `must be ${what} in pence (a whole number)` })
    .int(`must be a whole number of pence`)
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min} pence`)
    .max(max, `must be at most ${max} pence (£${max / 100}); is that a slip?`);

/** An invoice as uploaded (POST …/spending/invoices): the sha256 of its bytes and its type. */
export const INVOICE_ID = /^[a-f0-9]{64}\.(pdf|png|jpg)$/;

export const electionInputSchema = z.object(
  {
    name: text(200),
    /** The polling day, a UK date. */
    pollingDay: day,
    /** What kind of election, in the agent's words ("Borough council", "By-election"). */
    kind: z.string({ error: 'must be text' }).trim().max(100, 'must be at most 100 characters').refine((t) => !CONTROL.test(t), 'must not contain control characters').default(''),
  },
  { error: 'must be an object such as { "name": "…", "pollingDay": "2026-05-07" }' },
);
export type ElectionInput = z.infer<typeof electionInputSchema>;

/** The spending limit for one candidate in one election, pence; null for none set yet. */
const limitPence = pence(1, MAX_LIMIT_PENCE, 'an amount').nullable();

export const candidateInputSchema = z.object({ name: text(200), limitPence: limitPence.default(null) }, { error: 'must be an object such as { "name": "…" }' });
export type CandidateInput = z.infer<typeof candidateInputSchema>;

export const limitInputSchema = z.object({ limitPence }, { error: 'must be an object such as { "limitPence": 1500000 }' });

export const splitSchema = z.discriminatedUnion(
  'by',
  [
    z.object({
      by: z.literal('percent'),
      parts: z
        .array(
          z.object({
            candidateId: id('a candidate of this election'),
            percent: z
              .number({ error: 'must be a percentage' })
              .gt(0, 'must be more than 0')
              .max(100, 'must be at most 100')
              .refine((p) => basisPointsOf(p) !== null, 'must have at most two decimal places'),
          }),
        )
        .min(1, 'must name at least one candidate')
        .max(50, 'must name at most 50 candidates'),
    }),
    z.object({
      by: z.literal('amount'),
      parts: z
        .array(z.object({ candidateId: id('a candidate of this election'), pence: pence(1, MAX_ENTRY_PENCE, 'an amount') }))
        .min(1, 'must name at least one candidate')
        .max(50, 'must name at most 50 candidates'),
    }),
  ],
  { error: 'must be { "by": "percent", "parts": [...] } or { "by": "amount", "parts": [...] }' },
);

/** What an entry says, apart from its election (a correction keeps the election of the entry it corrects). */
const entryFields = {
  /** What was bought ("2,000 A5 leaflets"). */
  item: text(300),
  supplierName: text(200),
  supplierAddress: text(500),
  /** When the spending was incurred, a UK date. */
  incurredOn: day,
  /** When it was paid, a UK date; null while unpaid. A payment of £20 or more needs its invoice. */
  paidOn: day.nullable().default(null),
  /** Including VAT. */
  amountPence: pence(1, MAX_ENTRY_PENCE, 'the amount'),
  /** The VAT within amountPence, as the invoice states it (not recomputed). */
  vatPence: pence(0, MAX_ENTRY_PENCE, 'the VAT'),
  /** An uploaded invoice (INVOICE_ID); null when it has not arrived yet. */
  invoiceId: z.string({ error: 'must be the id of an uploaded invoice' }).regex(INVOICE_ID, 'must be the id of an uploaded invoice').nullable().default(null),
  split: splitSchema,
};

type EntryShape = { amountPence: number; vatPence: number; split: z.infer<typeof splitSchema> };

/** The rules between fields: VAT within the amount, and a split that adds up to the whole, each candidate once. */
function checkEntry(entry: EntryShape, ctx: z.RefinementCtx): void {
  if (entry.vatPence > entry.amountPence) ctx.addIssue({ code: 'custom', path: ['vatPence'], message: 'must not be more than the amount including VAT' });
  const ids = entry.split.parts.map((p) => p.candidateId);
  const repeated = ids.findIndex((candidate, i) => ids.indexOf(candidate) !== i);
  if (repeated !== -1) ctx.addIssue({ code: 'custom', path: ['split', 'parts', repeated, 'candidateId'], message: 'names a candidate twice' });
  if (entry.split.by === 'percent') {
    const sum = entry.split.parts.reduce((s, p) => s + (basisPointsOf(p.percent) ?? 0), 0);
    if (sum !== WHOLE_BASIS_POINTS) ctx.addIssue({ code: 'custom', path: ['split', 'parts'], message: `the percentages add up to ${sum / 100}, not 100` });
  } else {
    const sum = entry.split.parts.reduce((s, p) => s + p.pence, 0);
    if (sum !== entry.amountPence) ctx.addIssue({ code: 'custom', path: ['split', 'parts'], message: `the amounts add up to ${sum} pence, not the entry's ${entry.amountPence}` });
  }
}

export const entryInputSchema = z.object({ electionId: id('an election of your organisation'), ...entryFields }, { error: 'must be an object describing the spending' }).superRefine(checkEntry);
export type EntryInput = z.infer<typeof entryInputSchema>;

export const replacementSchema = z.object(entryFields, { error: 'must be an object describing the spending as it should be' }).superRefine(checkEntry);
export type ReplacementInput = z.infer<typeof replacementSchema>;

/**
 * A correction: the entry is reversed (a new entry of the opposite amount, split the same way), and,
 * unless the spending did not happen at all, replaced by a new entry as it should have been.
 */
export const correctionInputSchema = z.object(
  {
    /** Why, in the agent's words (kept on the reversal). */
    reason: text(500),
    replacement: replacementSchema.nullable().default(null),
  },
  { error: 'must be an object such as { "reason": "…", "replacement": { … } }' },
);
export type CorrectionInput = z.infer<typeof correctionInputSchema>;
