import { VARIANT_LANGUAGES, type AnyVariantTable, type BilingualField, type BilingualRow, type VariantField, type VariantLanguage, type VariantRow } from './variant-table';

/**
 * One version to print of a variant table: a plain table makes one per row, a bilingual table two
 * (English, then Welsh). `values` and `fields` are what applyVariant() takes, with `language` as its option.
 */
export interface VariantVersion {
  /** Index of the table's row the version comes from. */
  row: number;
  /** The version's language; null for a plain table's version (the master's language is kept). */
  language: VariantLanguage | null;
  /** One value per field, by key: the row's text in the version's language, or the shared value. */
  values: VariantRow;
}

/** The fields of a table of either kind as applyVariant() takes them (a bilingual field's `shared` dropped). */
export function plainFields(fields: ReadonlyArray<VariantField | BilingualField>): VariantField[] {
  return fields.map(({ key, label, page, elementId, block }) => (block === undefined ? { key, label, page, elementId } : { key, label, page, elementId, block }));
}

/** One language's values of a bilingual row: each pair's text in that language, each shared value as it is. */
export function bilingualValues(row: BilingualRow, language: VariantLanguage): VariantRow {
  const values: VariantRow = {};
  for (const [key, value] of Object.entries(row)) values[key] = typeof value === 'string' ? value : value[language];
  return values;
}

/** Every version of a table, in the order they print: row by row, and within a bilingual row English then Welsh. */
export function variantVersions(table: AnyVariantTable): VariantVersion[] {
  if (table.kind === 'bilingual') return table.rows.flatMap((row, r) => VARIANT_LANGUAGES.map((language) => ({ row: r, language, values: bilingualValues(row, language) })));
  return table.rows.map((values, r) => ({ row: r, language: null, values }));
}
