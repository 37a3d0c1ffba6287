import type { BilingualField, BilingualRow, VariantField, VariantRow } from '../variants/variant-table';

/**
 * GET and PUT /api/designs/:id/variants. Accounts are never named: only whether the asker made the last
 * change. A design without a table answers kind plain, no fields, no rows and `updatedAt: null`.
 */
export type VariantTableResponse = VariantTableResponseOf<'plain', VariantField, VariantRow> | VariantTableResponseOf<'bilingual', BilingualField, BilingualRow>;

interface VariantTableResponseOf<K extends 'plain' | 'bilingual', F, R> {
  designId: string;
  /** plain: a version per row; bilingual: an English and a Welsh version per row (each text field's value is {en, cy}). */
  kind: K;
  fields: F[];
  rows: R[];
  /** ISO 8601, UTC; null when the design has no table. */
  updatedAt: string | null;
  updatedByYou: boolean;
}
