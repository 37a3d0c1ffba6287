import type { Kysely } from 'kysely';
import { anyVariantTableSchema, type AnyVariantTable } from '../../common/variants/variant-table';
import type { Database } from '../database/schema';

/** A design's variant table as stored, of either kind (`kind` is always set on the way out: 'plain' or 'bilingual'). */
export type StoredVariantTable = AnyVariantTable & {
  designId: string;
  updatedBy: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
};

const ID = /^[a-f0-9]{32}$/;

/**
 * Variant tables in PostgreSQL (table `variant_tables`): one per saved design, replaced as a whole.
 * Every read and write takes the organisation and finds only a design of its own that is not deleted.
 */
export class VariantTableStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** The design's table; null when it has none, or there is no such design of the organisation. */
  async get(orgId: string, designId: string): Promise<StoredVariantTable | null> {
    if (!ID.test(orgId) || !ID.test(designId)) return null;
    const row = await this.db
      .selectFrom('variant_tables as t')
      .innerJoin('designs as d', 'd.id', 't.design_id')
      .select(['t.kind', 't.fields', 't.rows', 't.updated_by', 't.updated_at'])
      .where('t.design_id', '=', designId)
      .where('t.org_id', '=', orgId)
      .where('d.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    // Checked again on the way out, as design documents are: a row written by hand or an older release cannot reach a client unchecked.
    const table = anyVariantTableSchema.parse({ kind: row.kind, fields: row.fields, rows: row.rows });
    return { designId, ...table, updatedBy: row.updated_by, updatedAt: row.updated_at.getTime() };
  }

  /** Replaces the design's table; false when there is no such design of the organisation. */
  async put(orgId: string, designId: string, table: AnyVariantTable, accountId: string): Promise<StoredVariantTable | null> {
    if (!ID.test(orgId) || !ID.test(designId)) return null;
    const at = new Date(this.now());
    return this.db.transaction().execute(async (tx) => {
      // Under a lock on the design, so a delete cannot slip in between the check and the write.
      const design = await tx.selectFrom('designs').select('id').where('id', '=', designId).where('org_id', '=', orgId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
      if (!design) return null;
      const kind = table.kind ?? 'plain';
      const values = { kind, fields: JSON.stringify(table.fields), rows: JSON.stringify(table.rows), updated_by: accountId, updated_at: at };
      await tx
        .insertInto('variant_tables')
        .values({ design_id: designId, org_id: orgId, ...values })
        .onConflict((oc) => oc.column('design_id').doUpdateSet(values))
        .execute();
      return { designId, ...table, kind, updatedBy: accountId, updatedAt: at.getTime() } as StoredVariantTable;
    });
  }

  /** Removes the design's table; false when it had none. */
  async delete(orgId: string, designId: string): Promise<boolean> {
    if (!ID.test(orgId) || !ID.test(designId)) return false;
    const result = await this.db.deleteFrom('variant_tables').where('design_id', '=', designId).where('org_id', '=', orgId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
