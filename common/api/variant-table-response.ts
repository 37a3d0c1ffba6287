import type { VariantField, VariantRow } from '../variants/variant-table';

/** GET and PUT /api/designs/:id/variants. Accounts are never named: only whether the asker made the last change. */
export interface VariantTableResponse {
  designId: string;
  fields: VariantField[];
  rows: VariantRow[];
  /** ISO 8601, UTC. */
  updatedAt: string;
  updatedByYou: boolean;
}
