import { VARIANT_LANGUAGE_NAMES, VARIANT_LANGUAGES, type AnyVariantTable, type BilingualField, type BilingualRow, type VariantKind, type VariantLanguage, type VariantRow } from '../../../common/variants/variant-table';
import { plainFields } from '../../../common/variants/variant-versions';
import type { FillableElement } from './fillable-elements';

/**
 * One column of the Versions grid. A plain table has a column per field; a bilingual one two per words
 * field (its English and its Welsh text) and one per shared field (a photo, a QR code).
 */
export interface GridColumn {
  /** The cell's key in a grid row: the field's key, or `key.en` / `key.cy`. */
  id: string;
  fieldKey: string;
  /** The language of the column's texts; null for a plain table's column or a shared field's. */
  language: VariantLanguage | null;
  /** "Ward (Welsh)". */
  label: string;
  kind: FillableElement['kind'];
}

/** A row of the grid: a value per column id, as typed. The screen keeps rows so; the table's shape is made on save. */
export type GridRow = Record<string, string>;

/** Whether a field fills words, which a bilingual table holds in two languages (a picture or QR code is shared). */
export const holdsWords = (kind: FillableElement['kind']) => kind === 'heading' || kind === 'text';

export function gridColumns(kind: VariantKind, fields: readonly BilingualField[], kindOf: (f: BilingualField) => FillableElement['kind']): GridColumn[] {
  return fields.flatMap((f): GridColumn[] => {
    const elementKind = kindOf(f);
    if (kind === 'plain' || f.shared) return [{ id: f.key, fieldKey: f.key, language: null, label: f.label, kind: elementKind }];
    return VARIANT_LANGUAGES.map((language) => ({ id: `${f.key}.${language}`, fieldKey: f.key, language, label: `${f.label} (${VARIANT_LANGUAGE_NAMES[language]})`, kind: elementKind }));
  });
}

/** A saved table's rows as grid rows. */
export function gridRowsOf(table: AnyVariantTable): GridRow[] {
  if (table.kind !== 'bilingual') return table.rows;
  return table.rows.map((row) => {
    const cells: GridRow = {};
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'string') cells[key] = value;
      else for (const language of VARIANT_LANGUAGES) cells[`${key}.${language}`] = value[language];
    }
    return cells;
  });
}

/** The grid as a table to save, check or export. */
export function tableOf(kind: VariantKind, fields: readonly BilingualField[], rows: readonly GridRow[]): AnyVariantTable {
  if (kind === 'plain') return { kind: 'plain', fields: plainFields(fields), rows: rows.map((r): VariantRow => ({ ...r })) };
  return {
    kind: 'bilingual',
    fields: [...fields],
    rows: rows.map((r): BilingualRow => Object.fromEntries(fields.map((f) => [f.key, f.shared ? (r[f.key] ?? '') : { en: r[`${f.key}.en`] ?? '', cy: r[`${f.key}.cy`] ?? '' }]))),
  };
}

/**
 * The grid's rows and fields when the campaigner changes the kind: to bilingual, each words field's value
 * becomes its English and (until translated) its Welsh text, pictures and QR codes shared; back to plain,
 * the English text is kept.
 */
export function changeKind(to: VariantKind, fields: readonly BilingualField[], rows: readonly GridRow[], kindOf: (f: BilingualField) => FillableElement['kind']): { fields: BilingualField[]; rows: GridRow[] } {
  if (to === 'plain') {
    return {
      fields: plainFields(fields),
      rows: rows.map((r) => Object.fromEntries(fields.map((f) => [f.key, f.shared ? (r[f.key] ?? '') : (r[`${f.key}.en`] ?? '')]))),
    };
  }
  const paired = fields.map((f): BilingualField => (holdsWords(kindOf(f)) ? f : { ...f, shared: true }));
  return {
    fields: paired,
    rows: rows.map((r) => Object.fromEntries(paired.flatMap((f) => (f.shared ? [[f.key, r[f.key] ?? '']] : VARIANT_LANGUAGES.map((l) => [`${f.key}.${l}`, r[f.key] ?? '']))))),
  };
}
