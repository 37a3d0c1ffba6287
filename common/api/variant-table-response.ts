import type { VariantField, VariantRow } from '../variants/variant-table';

/**
 * GET and PUT /api/designs/:id/variants. Accounts are never named: only whether the asker made the last
 * change. A design without a table answers no fields, no rows and `updatedAt: null`.
 */
export interface VariantTableResponse {
  designId: string;
  fields: VariantField[];
  rows: VariantRow[];
  /** ISO 8601, UTC; null when the design has no table. */
  updatedAt: string | null;
  updatedByYou: boolean;
}
