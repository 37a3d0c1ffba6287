import { sql, type Kysely, type Transaction } from 'kysely';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { Database } from '../database/schema';
import { randomId } from '../secrets/random-token';
import type { DesignVersionSummary, SavedDesign, TemplateLink } from './saved-design';

/** Most designs one organisation may keep on the server (deleted ones do not count). */
export const MAX_DESIGNS_PER_ORGANISATION = 5_000;

/** Thrown when an organisation already keeps MAX_DESIGNS_PER_ORGANISATION designs. */
export class TooManyDesignsError extends Error {}

const ID = /^[a-f0-9]{32}$/;

/**
 * Saved designs in PostgreSQL: a row per design (`designs`, with what the list shows) and a row per
 * saved version (`design_versions`). A save adds a version and moves the design's current version to
 * it, in one transaction; no version is ever overwritten, and a deleted design keeps its versions (print
 * records point at them). Every read takes the organisation: a design of another one is not found.
 */
export class DesignStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** The organisation's designs, most recently changed first; the list reads no design documents. */
  async list(orgId: string): Promise<SavedDesignSummaryRow[]> {
    if (!ID.test(orgId)) return [];
    const rows = await this.db
      .selectFrom('designs as d')
      // The template it was made from, for "a newer version is published" (its newest version's number).
      .leftJoin('published_templates as t', 't.id', 'd.template_id')
      .select(['d.id', 'd.title', 'd.created_by', 'd.format_size', 'd.orientation', 'd.page_count', 'd.current_version', 'd.updated_at', 'd.template_id', 'd.template_version', 't.current_version as template_current_version'])
      .where('d.org_id', '=', orgId)
      .where('d.deleted_at', 'is', null)
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id')
      .limit(MAX_DESIGNS_PER_ORGANISATION)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      createdBy: r.created_by,
      format: { size: r.format_size, orientation: r.orientation },
      pages: r.page_count,
      version: r.current_version,
      updatedAt: r.updated_at.getTime(),
      template: r.template_id !== null && r.template_version !== null ? { id: r.template_id, version: r.template_version, currentVersion: r.template_current_version ?? r.template_version } : null,
    }));
  }

  /** The design at its current version. */
  async get(orgId: string, id: string): Promise<SavedDesign | null> {
    return this.read(orgId, id, null);
  }

  /** The design as one of its versions was saved; null when there is no such design or version. */
  async getVersion(orgId: string, id: string, version: number): Promise<SavedDesign | null> {
    return this.read(orgId, id, version);
  }

  /** Every saved version of the design, newest first (without the documents); null when there is no such design. */
  async versions(orgId: string, id: string): Promise<DesignVersionSummary[] | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    const rows = await this.db
      .selectFrom('designs as d')
      .leftJoin('design_versions as v', 'v.design_id', 'd.id')
      .select(['v.version', 'v.saved_at', sql<string>`v.design->>'title'`.as('title')])
      .where('d.id', '=', id)
      .where('d.org_id', '=', orgId)
      .where('d.deleted_at', 'is', null)
      .orderBy('v.version', 'desc')
      .execute();
    if (rows.length === 0) return null;
    return rows.flatMap((r) => (r.version === null || r.saved_at === null ? [] : [{ version: r.version, title: r.title, savedAt: r.saved_at.getTime() }]));
  }

  /** Saves a new design: its first version; `template` is the published template (and version) it is made from, checked by the caller. */
  async create(orgId: string, accountId: string, design: Design, template: TemplateLink | null = null): Promise<SavedDesign> {
    const now = this.now();
    const saved: SavedDesign = { id: randomId(), orgId, createdBy: accountId, title: design.title, design, version: 1, createdAt: now, updatedAt: now, template };
    await this.db.transaction().execute(async (trx) => {
      // The organisation's row, locked: two saves at once cannot both take the last place.
      await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().executeTakeFirst();
      const { n } = await trx.selectFrom('designs').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(n) >= MAX_DESIGNS_PER_ORGANISATION) throw new TooManyDesignsError();
      await trx
        .insertInto('designs')
        .values({ id: saved.id, org_id: orgId, created_by: accountId, title: design.title, ...listed(design), current_version: 1, created_at: new Date(now), updated_at: new Date(now), deleted_at: null, template_id: template?.id ?? null, template_version: template?.version ?? null })
        .execute();
      await trx.insertInto('design_versions').values({ design_id: saved.id, version: 1, design: JSON.stringify(design), saved_by: accountId, saved_at: new Date(now) }).execute();
    });
    return saved;
  }

  /**
   * Saves a new version of the design (the earlier ones are kept); null when the organisation has no
   * design with this id. Two saves at once get consecutive versions (the design's row is locked).
   */
  async update(orgId: string, id: string, design: Design, accountId: string): Promise<SavedDesign | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    return this.db.transaction().execute((trx) => this.addVersion(trx, orgId, id, design, accountId));
  }

  /** The current document of the design, its row locked until the transaction ends; null when there is no such design. */
  private async lockCurrent(trx: Transaction<Database>, orgId: string, id: string): Promise<Design | null> {
    const row = await trx.selectFrom('designs').select('current_version').where('id', '=', id).where('org_id', '=', orgId).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
    if (!row) return null;
    const version = await trx.selectFrom('design_versions').select('design').where('design_id', '=', id).where('version', '=', row.current_version).executeTakeFirstOrThrow();
    const parsed = designSchema.safeParse(version.design);
    return parsed.success ? parsed.data : null;
  }

  /** Adds a version to the design and makes it the current one, inside the caller's transaction. */
  private async addVersion(trx: Transaction<Database>, orgId: string, id: string, design: Design, accountId: string): Promise<SavedDesign | null> {
    const now = this.now();
    const row = await trx
      .updateTable('designs')
      .set((eb) => ({ current_version: eb('current_version', '+', 1), title: design.title, ...listed(design), updated_at: new Date(now) }))
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .returning(['current_version', 'created_by', 'created_at', 'template_id', 'template_version'])
      .executeTakeFirst();
    if (!row) return null;
    await trx.insertInto('design_versions').values({ design_id: id, version: row.current_version, design: JSON.stringify(design), saved_by: accountId, saved_at: new Date(now) }).execute();
    return { id, orgId, createdBy: row.created_by, title: design.title, design, version: row.current_version, createdAt: row.created_at.getTime(), updatedAt: now, template: linkOf(row) };
  }

  /**
   * Renames the design: a new version, the current one with this title (a title lives in the document,
   * and in the PDF's metadata), so the history keeps the old name. Null when the organisation has no such design.
   */
  async rename(orgId: string, id: string, title: string, accountId: string): Promise<SavedDesign | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    return this.db.transaction().execute(async (trx) => {
      const current = await this.lockCurrent(trx, orgId, id);
      return current ? this.addVersion(trx, orgId, id, { ...current, title }, accountId) : null;
    });
  }

  /**
   * The saved version a print of this design is recorded against: the newest version of the design
   * whose document equals the printed one (PostgreSQL's jsonb equality: the same values, key order
   * aside); when none does, the printed document is saved as a new version (by the account that
   * printed it) and that one is returned. Null when the organisation has no such design (deleted,
   * another organisation's, never saved): the print is then recorded without a design.
   */
  async versionPrinted(orgId: string, id: string, design: Design, accountId: string): Promise<{ id: string; version: number } | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.lockCurrent(trx, orgId, id))) return null;
      const same = await trx
        .selectFrom('design_versions')
        .select('version')
        .where('design_id', '=', id)
        .where('design', '=', sql<unknown>`cast(${JSON.stringify(design)} as jsonb)`)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (same) return { id, version: same.version };
      const saved = await this.addVersion(trx, orgId, id, design, accountId);
      return saved && { id, version: saved.version };
    });
  }

  /** Deletes the design from the organisation's list (its versions stay, for the print records); false when it has no such design. */
  async delete(orgId: string, id: string): Promise<boolean> {
    if (!ID.test(id) || !ID.test(orgId)) return false;
    const result = await this.db.updateTable('designs').set({ deleted_at: new Date(this.now()) }).where('id', '=', id).where('org_id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  private async read(orgId: string, id: string, version: number | null): Promise<SavedDesign | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    const row = await this.db
      .selectFrom('designs as d')
      .innerJoin('design_versions as v', (join) => join.onRef('v.design_id', '=', 'd.id').on('v.version', '=', version ?? sql<number>`d.current_version`))
      .select(['d.id', 'd.org_id', 'd.created_by', 'd.created_at', 'd.updated_at', 'd.template_id', 'd.template_version', 'v.version', 'v.design', 'v.saved_at'])
      .where('d.id', '=', id)
      .where('d.org_id', '=', orgId)
      .where('d.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    // The document is checked again: a bad record is never trusted.
    const parsed = designSchema.safeParse(row.design);
    if (!parsed.success) return null;
    return { id: row.id, orgId: row.org_id, createdBy: row.created_by, title: parsed.data.title, design: parsed.data, version: row.version, createdAt: row.created_at.getTime(), updatedAt: version === null ? row.updated_at.getTime() : row.saved_at.getTime(), template: linkOf(row) };
  }

  /** The published template the organisation's design was made from; null when none (or no such design). */
  async templateOf(orgId: string, id: string): Promise<TemplateLink | null> {
    if (!ID.test(id) || !ID.test(orgId)) return null;
    const row = await this.db.selectFrom('designs').select(['template_id', 'template_version']).where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
    return row ? linkOf(row) : null;
  }
}

/** The template link of a design's row. */
function linkOf(row: { template_id: string | null; template_version: number | null }): TemplateLink | null {
  return row.template_id !== null && row.template_version !== null ? { id: row.template_id, version: row.template_version } : null;
}

/** A design in the organisation's list: what the list shows, no document. */
export interface SavedDesignSummaryRow {
  id: string;
  title: string;
  /** The account that saved it first (the list says "You" or "Another member", never who). */
  createdBy: string;
  format: { size: string; orientation: string };
  pages: number;
  version: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** The published template it was made from: the version it was made from and the newest one; null for none. */
  template: { id: string; version: number; currentVersion: number } | null;
}

/** The columns of `designs` that repeat what the list shows of the current version. */
function listed(design: Design): { format_size: string; orientation: string; page_count: number } {
  return { format_size: design.format.size, orientation: design.format.orientation ?? 'portrait', page_count: design.pages.length };
}
