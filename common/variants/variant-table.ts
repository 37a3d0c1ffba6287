import { z } from 'zod';

/** Most rows a variant table holds: one per ward of the largest councils, with room to spare. */
export const MAX_VARIANT_ROWS = 1000;
/** Most fields one design marks. */
export const MAX_VARIANT_FIELDS = 20;
/** Longest value of one cell, characters (a text element's whole text is at most this). */
export const MAX_VARIANT_VALUE = 3000;

const fieldKey = z.string({ error: 'must be a column name' }).regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1-40 lower-case letters, digits or "_", starting with a letter');

/**
 * A part of the master design that changes from one variant to the next: a heading's words, a text
 * element's whole text (or one of its paragraphs), an image, or a QR code's web address. Which part of
 * the element is filled follows from the element's kind (see apply-variant.ts).
 */
export const variantFieldSchema = z.strictObject({
  /** The column's name in the table and in a CSV file's header row. */
  key: fieldKey,
  /** What the campaigner calls it ("Ward", "Candidate's photo"); a CSV header may use it instead of the key. */
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  /** The page the element is on: 0 the front, 1 the back. */
  page: z.number({ error: 'must be 0 (front) or 1 (back)' }).int('must be 0 (front) or 1 (back)').min(0, 'must be 0 (front) or 1 (back)').max(1, 'must be 0 (front) or 1 (back)'),
  /** The element's id on that page. */
  elementId: z.string({ error: 'must be an element id' }).regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be an element id (1-40 letters, digits, "-" or "_")'),
  /** For a text element only: the paragraph (0 = its first block) the field fills; absent, the field is the element's whole text. */
  block: z.number({ error: 'must be a paragraph number' }).int('must be a whole number').min(0, 'must be 0 or more').max(29, 'must be at most 29').optional(),
});
export type VariantField = z.infer<typeof variantFieldSchema>;

/** One variant: a value for every field, by key. */
export const variantRowSchema = z.record(fieldKey, z.string({ error: 'must be text' }).max(MAX_VARIANT_VALUE, `must be at most ${MAX_VARIANT_VALUE} characters`));
export type VariantRow = z.infer<typeof variantRowSchema>;

/** A design's variant table: its fields, and one row per version to print. */
export const variantTableSchema = z
  .strictObject({
    fields: z.array(variantFieldSchema).min(1, 'must mark at least one field').max(MAX_VARIANT_FIELDS, `must have at most ${MAX_VARIANT_FIELDS} fields`),
    rows: z.array(variantRowSchema).min(1, 'must have at least one row').max(MAX_VARIANT_ROWS, `must have at most ${MAX_VARIANT_ROWS} rows`),
  })
  .superRefine((table, ctx) => {
    const keys = new Set<string>();
    const targets = new Set<string>();
    table.fields.forEach((field, i) => {
      // A key that is itself wrong is named once, under fields, not again in every row.
      if (!fieldKey.safeParse(field.key).success) return;
      if (keys.has(field.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `"${field.key}" is the key of an earlier field` });
      keys.add(field.key);
      const target = `${field.page}/${field.elementId}/${field.block ?? '*'}`;
      if (targets.has(target)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'elementId'], message: 'an earlier field already fills this part of the element' });
      targets.add(target);
    });
    table.rows.forEach((row, r) => {
      for (const key of keys) if (!(key in row)) ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `row ${r + 1} has no value for "${key}"` });
      for (const key of Object.keys(row)) if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `"${key}" is not one of the fields` });
    });
  });
export type VariantTable = z.infer<typeof variantTableSchema>;
