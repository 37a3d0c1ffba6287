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

/** A design's variant table of the plain kind: its fields, and one row per version to print. */
export const variantTableSchema = z
  .strictObject({
    /** Absent in tables saved before there were kinds: they are plain. */
    kind: z.literal('plain', { error: 'must be "plain" or "bilingual"' }).optional(),
    fields: z.array(variantFieldSchema).min(1, 'must mark at least one field').max(MAX_VARIANT_FIELDS, `must have at most ${MAX_VARIANT_FIELDS} fields`),
    rows: z.array(variantRowSchema).min(1, 'must have at least one row').max(MAX_VARIANT_ROWS, `must have at most ${MAX_VARIANT_ROWS} rows`),
  })
  .superRefine((table, ctx) => {
    const keys = checkFieldList(table.fields, ctx);
    table.rows.forEach((row, r) => {
      for (const key of keys) if (!(key in row)) ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `row ${r + 1} has no value for "${key}"` });
      for (const key of Object.keys(row)) if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `"${key}" is not one of the fields` });
    });
  });
export type VariantTable = z.infer<typeof variantTableSchema>;

/** The fields' keys, each field's key and target checked against the earlier fields'. */
function checkFieldList(fields: ReadonlyArray<VariantField>, ctx: z.RefinementCtx): Set<string> {
  const keys = new Set<string>();
  const targets = new Set<string>();
  fields.forEach((field, i) => {
    // A key that is itself wrong is named once, under fields, not again in every row.
    if (!fieldKey.safeParse(field.key).success) return;
    if (keys.has(field.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `"${field.key}" is the key of an earlier field` });
    keys.add(field.key);
    const target = `${field.page}/${field.elementId}/${field.block ?? '*'}`;
    if (targets.has(target)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'elementId'], message: 'an earlier field already fills this part of the element' });
    targets.add(target);
  });
  return keys;
}

// ---- Bilingual pairs (issue 16): an English and a Welsh text per field, two versions per row ----

/** The languages of a bilingual table, in the order its two versions of a row come. */
export const VARIANT_LANGUAGES = ['en', 'cy'] as const;
export type VariantLanguage = (typeof VARIANT_LANGUAGES)[number];
/** The design language (BCP 47, as the editor's language field offers them) each version of a bilingual row gets. */
export const VARIANT_LANGUAGE_TAGS: Readonly<Record<VariantLanguage, string>> = { en: 'en-GB', cy: 'cy-GB' };
/** How a campaigner names each language: in CSV headers ("Ward (Welsh)"), the grid and problems. */
export const VARIANT_LANGUAGE_NAMES: Readonly<Record<VariantLanguage, string>> = { en: 'English', cy: 'Welsh' };

/**
 * A field of a bilingual table. A heading's or text's field holds an English and a Welsh text in each
 * row; an image's or QR code's is `shared: true` and holds one value, the same in both versions of the
 * row. Which it is must agree with the element it fills (bilingualFieldProblems in apply-variant.ts):
 * the table says it itself so that it can be read (CSV, print runs) without the design.
 */
export const bilingualFieldSchema = variantFieldSchema.extend({
  /** True for an image's or QR code's field: one value for both languages. Absent: an English and a Welsh text. */
  shared: z.literal(true, { error: 'must be true (an image or QR code shared by both languages) or left out' }).optional(),
});
export type BilingualField = z.infer<typeof bilingualFieldSchema>;

const cellText = (language: VariantLanguage) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `the ${VARIANT_LANGUAGE_NAMES[language]} text is missing` : 'must be text') })
    .max(MAX_VARIANT_VALUE, `must be at most ${MAX_VARIANT_VALUE} characters`);

/** A text field's value in one row of a bilingual table: its English and its Welsh text. */
export const bilingualPairSchema = z.strictObject(
  { en: cellText('en'), cy: cellText('cy') },
  { error: 'must have an English and a Welsh text: {"en": "...", "cy": "..."}' },
);
export type BilingualPair = z.infer<typeof bilingualPairSchema>;
const sharedValueSchema = z.string({ error: 'must be text (one value for both languages)' }).max(MAX_VARIANT_VALUE, `must be at most ${MAX_VARIANT_VALUE} characters`);

/** One row of a bilingual table, by field key: a pair for a text field, a string for a shared one. */
export type BilingualRow = Record<string, BilingualPair | string>;
// Each value is checked against its field's sharing by the table (a value alone cannot say which it must be).
const bilingualRowSchema = z.record(fieldKey, z.custom<BilingualPair | string>(() => true));

/** A design's variant table of the bilingual kind: every row makes an English and a Welsh version. */
export const bilingualVariantTableSchema = z
  .strictObject({
    kind: z.literal('bilingual'),
    fields: z.array(bilingualFieldSchema).min(1, 'must mark at least one field').max(MAX_VARIANT_FIELDS, `must have at most ${MAX_VARIANT_FIELDS} fields`),
    rows: z.array(bilingualRowSchema).min(1, 'must have at least one row').max(MAX_VARIANT_ROWS, `must have at most ${MAX_VARIANT_ROWS} rows`),
  })
  .superRefine((table, ctx) => {
    const keys = checkFieldList(table.fields, ctx);
    const shared = new Set(table.fields.filter((f) => f.shared).map((f) => f.key));
    table.rows.forEach((row, r) => {
      for (const key of keys) {
        if (!(key in row)) {
          ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `row ${r + 1} has no value for "${key}"` });
          continue;
        }
        const parsed = (shared.has(key) ? sharedValueSchema : bilingualPairSchema).safeParse(row[key]);
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['rows', r, key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      }
      for (const key of Object.keys(row)) if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['rows', r, key], message: `"${key}" is not one of the fields` });
    });
  });
export type BilingualVariantTable = z.infer<typeof bilingualVariantTableSchema>;

/** The kinds of variant table: plain (a version per row) and bilingual (an English and a Welsh version per row). */
export const VARIANT_KINDS = ['plain', 'bilingual'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

/**
 * A variant table of either kind, told apart by `kind` (absent: plain, as tables saved before kinds were).
 * What the API accepts and the store returns; variant-versions.ts turns either into its versions.
 */
export const anyVariantTableSchema = z.discriminatedUnion('kind', [variantTableSchema, bilingualVariantTableSchema], {
  error: (issue) => (issue.path?.length || (issue.input !== null && typeof issue.input === 'object') ? 'must be "plain" or "bilingual"' : 'must be a variant table: {"kind", "fields", "rows"}'),
});
export type AnyVariantTable = z.infer<typeof anyVariantTableSchema>;
