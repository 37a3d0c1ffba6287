import type { AnyVariantTable } from '../../common/variants/variant-table';
import { contentHash } from '../../common/node/content-hash';

/**
 * A variant table's version, as a sign-off of a print run approves it: the content hash (sha256 of the
 * canonical JSON) of its kind, fields and rows, so any change to a value, a field or the order of rows
 * gives another hash, and saving the same table again gives the same one.
 */
export function variantTableHash(table: AnyVariantTable): string {
  return contentHash({ kind: table.kind ?? 'plain', fields: table.fields, rows: table.rows });
}
